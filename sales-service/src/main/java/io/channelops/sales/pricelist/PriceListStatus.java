package io.channelops.sales.pricelist;

/**
 * Where a price list is in its life cycle: {@code DRAFT → SUBMITTED → REVIEWED → ACTIVE → EXPIRED}. A reviewer or
 * confirmer who rejects a list sends it back to {@code DRAFT} with a note. Only {@code ACTIVE} and {@code EXPIRED}
 * lists (confirmed ones) ever price anything, and only on the dates of their validity.
 */
public enum PriceListStatus {
    DRAFT, SUBMITTED, REVIEWED, ACTIVE, EXPIRED;

    /** Whether the list was confirmed: it prices products on the dates of its validity. */
    public boolean confirmed() {
        return this == ACTIVE || this == EXPIRED;
    }
}

package io.channelops.events.sales;

import io.channelops.events.DomainEvent;
import io.channelops.events.Published;
import io.channelops.events.Topics;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A price list was confirmed and became active for its scope and validity period. {@code supersededPriceListIds}
 * are the lists of the same scope it closed (their end date was set the day before this one starts). Scope fields are
 * empty strings when the list applies to any value.
 */
@Published(topic = Topics.PRICE_LISTS, service = "sales")
public record PriceListActivated(String priceListId, String name, String currency, String regionCode, String customerType,
        String customerLevel, String categoryId, LocalDate validFrom, List<String> supersededPriceListIds,
        String activatedBy, Instant activatedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return priceListId;
    }
}

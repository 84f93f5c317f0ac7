package io.channelops.finance.credit;

import io.channelops.finance.money.Money;

/**
 * A customer's credit exposure in one currency: open receivables plus approved orders not yet
 * invoiced.
 */
public record Exposure(Money openReceivables, Money approvedNotInvoiced) {

    public Exposure {
        if (!openReceivables.sameCurrencyAs(approvedNotInvoiced)) {
            throw new IllegalArgumentException("Exposure must be in one currency");
        }
    }

    public Money total() {
        return openReceivables.plus(approvedNotInvoiced);
    }

    public String currency() {
        return openReceivables.currency();
    }
}

package io.channelops.kpi.scorecard;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** What a rep or customer achieved in one currency. Amounts carry exactly 2 decimals. */
public record CurrencyTotals(String currency, BigDecimal approvedOrderValue, long approvedOrders,
        BigDecimal collectedCash) {

    public CurrencyTotals {
        approvedOrderValue = money(approvedOrderValue);
        collectedCash = money(collectedCash);
    }

    static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN);
    }
}

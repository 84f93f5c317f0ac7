package io.channelops.kpi.scorecard;

import java.math.BigDecimal;

/** A rep's place on the leaderboard of one currency (rank 1 = highest approved order value). */
public record RepStanding(long rank, String repId, String currency, BigDecimal approvedOrderValue,
        long approvedOrders, BigDecimal collectedCash) {

    public RepStanding {
        if (rank < 1) {
            throw new IllegalArgumentException("rank starts at 1: " + rank);
        }
        approvedOrderValue = CurrencyTotals.money(approvedOrderValue);
        collectedCash = CurrencyTotals.money(collectedCash);
    }
}

package io.channelops.kpi.scorecard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A rep's or a customer's totals, one entry per currency (sorted by currency code). Amounts in
 * different currencies are never added together.
 */
public record Scorecard(String subjectId, List<CurrencyTotals> totals) {

    public Scorecard {
        totals = List.copyOf(totals);
    }

    /** Approved orders of one currency: their value and how many. */
    public record OrderTotal(String currency, BigDecimal value, long count) {
    }

    /** Cash collected in one currency. */
    public record CashTotal(String currency, BigDecimal amount) {
    }

    /**
     * Merges order and cash totals by currency; a currency with orders but no cash (or cash but no
     * order) shows zero for what is missing. Several totals of one currency are added up.
     */
    public static Scorecard of(String subjectId, List<OrderTotal> orders, List<CashTotal> cash) {
        Map<String, Accumulator> byCurrency = new TreeMap<>();
        for (OrderTotal order : orders) {
            Accumulator totals = byCurrency.computeIfAbsent(order.currency(), c -> new Accumulator());
            totals.value = totals.value.add(order.value());
            totals.count += order.count();
        }
        for (CashTotal paid : cash) {
            Accumulator totals = byCurrency.computeIfAbsent(paid.currency(), c -> new Accumulator());
            totals.cash = totals.cash.add(paid.amount());
        }
        List<CurrencyTotals> result = new ArrayList<>();
        byCurrency.forEach((currency, totals) -> result.add(
                new CurrencyTotals(currency, totals.value, totals.count, totals.cash)));
        return new Scorecard(subjectId, result);
    }

    private static final class Accumulator {
        private BigDecimal value = BigDecimal.ZERO;
        private long count;
        private BigDecimal cash = BigDecimal.ZERO;
    }
}

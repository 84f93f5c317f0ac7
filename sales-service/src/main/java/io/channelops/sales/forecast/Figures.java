package io.channelops.sales.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Forecast figures in one currency: the open pipeline expected to close in the period (count, Σ amount, Σ amount ×
 * probability / 100) and the deals won in the period (count, Σ amount). The weighted amount is computed exactly and
 * rounded once, half up, to cents.
 */
public record Figures(String currency, long openCount, BigDecimal openAmount, BigDecimal weightedAmount,
        long wonCount, BigDecimal wonAmount) {

    static Figures none(String currency) {
        return new Figures(currency, 0, money(BigDecimal.ZERO), money(BigDecimal.ZERO), 0, money(BigDecimal.ZERO));
    }

    static BigDecimal money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    /** Running sums of one row; the weighted sum is kept in amount × percent until {@link #figures}. */
    static final class Sum {
        private final String currency;
        private long openCount;
        private BigDecimal openAmount = BigDecimal.ZERO;
        private BigDecimal weightedTimes100 = BigDecimal.ZERO;
        private long wonCount;
        private BigDecimal wonAmount = BigDecimal.ZERO;

        Sum(String currency) {
            this.currency = currency;
        }

        void addOpen(long count, BigDecimal amount, BigDecimal amountTimesProbability) {
            openCount += count;
            openAmount = openAmount.add(amount);
            weightedTimes100 = weightedTimes100.add(amountTimesProbability);
        }

        void addWon(long count, BigDecimal amount) {
            wonCount += count;
            wonAmount = wonAmount.add(amount);
        }

        Figures figures() {
            return new Figures(currency, openCount, money(openAmount),
                    weightedTimes100.divide(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP), wonCount,
                    money(wonAmount));
        }
    }
}

package io.channelops.customer.summary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The churn risk rule: a customer is at risk when their last order is longer ago than twice their usual interval
 * between orders.
 * <ul>
 *   <li>Orders count by the business day they were approved on: several orders on one day are one buying
 *       occasion.</li>
 *   <li>The usual interval is the <em>median</em> of the gaps, in days, between consecutive order days (the median,
 *       not the mean, so one long holiday break or one rush week does not redefine a customer's habit). It needs at
 *       least two order days; with fewer, a customer is never at risk.</li>
 *   <li>At risk when the days since the last order day exceed twice the usual interval (exactly twice is not yet at
 *       risk).</li>
 * </ul>
 */
public final class ChurnRule {

    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private ChurnRule() {
    }

    /**
     * @param orderDays the days the customer's (recent) orders were approved on, in any order, duplicates allowed
     * @param today the business day to judge against
     */
    public static Churn evaluate(Collection<LocalDate> orderDays, LocalDate today) {
        TreeSet<LocalDate> days = new TreeSet<>(orderDays);
        if (days.isEmpty()) {
            return new Churn(false, null, null);
        }
        long sinceLast = Math.max(0, ChronoUnit.DAYS.between(days.last(), today));
        if (days.size() < 2) {
            return new Churn(false, null, sinceLast);
        }
        List<Long> gaps = new ArrayList<>();
        LocalDate previous = null;
        for (LocalDate day : days) {
            if (previous != null) {
                gaps.add(ChronoUnit.DAYS.between(previous, day));
            }
            previous = day;
        }
        gaps.sort(null);
        int middle = gaps.size() / 2;
        // twice the median, exact in whole days: the middle gap doubled, or the two middle gaps added
        long twiceMedian = gaps.size() % 2 == 1 ? 2 * gaps.get(middle) : gaps.get(middle - 1) + gaps.get(middle);
        BigDecimal usual = BigDecimal.valueOf(twiceMedian).divide(TWO).stripTrailingZeros();
        if (usual.scale() < 0) {
            usual = usual.setScale(0);
        }
        return new Churn(sinceLast > twiceMedian, usual, sinceLast);
    }

    /**
     * @param atRisk no order for longer than twice the usual interval
     * @param usualIntervalDays median gap between order days; null with fewer than two order days
     * @param daysSinceLastOrder days from the last order day to today; null without any order
     */
    public record Churn(boolean atRisk, @Nullable BigDecimal usualIntervalDays, @Nullable Long daysSinceLastOrder) {
    }
}

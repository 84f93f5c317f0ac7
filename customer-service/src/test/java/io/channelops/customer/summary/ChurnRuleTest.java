package io.channelops.customer.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChurnRuleTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 31);

    private static LocalDate daysAgo(int days) {
        return TODAY.minusDays(days);
    }

    @Test
    void customerWithoutOrdersIsNotAtRisk() {
        ChurnRule.Churn churn = ChurnRule.evaluate(List.of(), TODAY);

        assertThat(churn.atRisk()).isFalse();
        assertThat(churn.usualIntervalDays()).isNull();
        assertThat(churn.daysSinceLastOrder()).isNull();
    }

    @Test
    void oneOrderDayIsNoHabitYetSoNeverAtRisk() {
        // two orders on the same day are one buying occasion
        ChurnRule.Churn churn = ChurnRule.evaluate(List.of(daysAgo(400), daysAgo(400)), TODAY);

        assertThat(churn.atRisk()).isFalse();
        assertThat(churn.usualIntervalDays()).isNull();
        assertThat(churn.daysSinceLastOrder()).isEqualTo(400);
    }

    @Test
    void atRiskWhenTheLastOrderIsLongerAgoThanTwiceTheMedianGap() {
        // gaps 10 and 20 days: median 15, twice that 30; last order 31 days ago
        ChurnRule.Churn churn = ChurnRule.evaluate(List.of(daysAgo(61), daysAgo(51), daysAgo(31)), TODAY);

        assertThat(churn.usualIntervalDays()).isEqualByComparingTo("15");
        assertThat(churn.daysSinceLastOrder()).isEqualTo(31);
        assertThat(churn.atRisk()).isTrue();
    }

    @Test
    void exactlyTwiceTheUsualIntervalIsNotYetAtRisk() {
        ChurnRule.Churn churn = ChurnRule.evaluate(List.of(daysAgo(60), daysAgo(50), daysAgo(30)), TODAY);

        assertThat(churn.daysSinceLastOrder()).isEqualTo(30);
        assertThat(churn.atRisk()).isFalse();
    }

    @Test
    void theMedianIgnoresOneLongBreak() {
        // gaps 7, 7, 90, 7 (sorted 7, 7, 7, 90): median 7, where the mean would be 27.75
        List<LocalDate> days = List.of(daysAgo(126), daysAgo(119), daysAgo(112), daysAgo(22), daysAgo(15));
        ChurnRule.Churn churn = ChurnRule.evaluate(days, TODAY);

        assertThat(churn.usualIntervalDays()).isEqualByComparingTo("7");
        assertThat(churn.daysSinceLastOrder()).isEqualTo(15);
        assertThat(churn.atRisk()).isTrue();
    }

    @Test
    void anEvenNumberOfGapsTakesTheMeanOfTheTwoMiddleOnes() {
        // gaps 4, 9, 20, 30 (given out of order, with a repeated day): median (9 + 20) / 2 = 14.5, twice 29
        List<LocalDate> days = List.of(daysAgo(29), daysAgo(92), daysAgo(62), daysAgo(58), daysAgo(49), daysAgo(49));
        ChurnRule.Churn churn = ChurnRule.evaluate(days, TODAY);

        assertThat(churn.usualIntervalDays()).isEqualByComparingTo("14.5");
        assertThat(churn.daysSinceLastOrder()).isEqualTo(29);
        assertThat(churn.atRisk()).isFalse();
        assertThat(ChurnRule.evaluate(days, TODAY.plusDays(1)).atRisk()).isTrue();
    }
}

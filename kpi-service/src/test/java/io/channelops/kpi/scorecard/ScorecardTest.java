package io.channelops.kpi.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScorecardTest {

    private static BigDecimal amount(String value) {
        return new BigDecimal(value);
    }

    @Test
    void isEmptyWithoutFacts() {
        assertThat(Scorecard.of("rep-1", List.of(), List.of()).totals()).isEmpty();
    }

    @Test
    void keepsOneEntryPerCurrencySortedByCodeAndNeverAddsCurrenciesTogether() {
        Scorecard card = Scorecard.of("rep-1",
                List.of(new Scorecard.OrderTotal("USD", amount("100"), 1),
                        new Scorecard.OrderTotal("CNY", amount("2000.5"), 3)),
                List.of(new Scorecard.CashTotal("CNY", amount("500")), new Scorecard.CashTotal("EUR", amount("7"))));
        assertThat(card.subjectId()).isEqualTo("rep-1");
        assertThat(card.totals()).containsExactly(
                new CurrencyTotals("CNY", amount("2000.50"), 3, amount("500.00")),
                new CurrencyTotals("EUR", amount("0.00"), 0, amount("7.00")),
                new CurrencyTotals("USD", amount("100.00"), 1, amount("0.00")));
    }

    @Test
    void addsUpSeveralTotalsOfOneCurrency() {
        Scorecard card = Scorecard.of("c-1",
                List.of(new Scorecard.OrderTotal("CNY", amount("10.10"), 1),
                        new Scorecard.OrderTotal("CNY", amount("0.90"), 2)),
                List.of(new Scorecard.CashTotal("CNY", amount("1.01")), new Scorecard.CashTotal("CNY", amount("2"))));
        assertThat(card.totals()).containsExactly(new CurrencyTotals("CNY", amount("11.00"), 3, amount("3.01")));
    }

    @Test
    void showsAmountsWithExactlyTwoDecimals() {
        CurrencyTotals totals = new CurrencyTotals("CNY", amount("5"), 1, amount("0"));
        assertThat(totals.approvedOrderValue().toPlainString()).isEqualTo("5.00");
        assertThat(totals.collectedCash().toPlainString()).isEqualTo("0.00");
        RepStanding standing = new RepStanding(1, "rep", "CNY", amount("12.3"), 2, amount("4"));
        assertThat(standing.approvedOrderValue().toPlainString()).isEqualTo("12.30");
        assertThat(standing.collectedCash().toPlainString()).isEqualTo("4.00");
    }

    @Test
    void ranksStartAtOne() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RepStanding(0, "rep", "CNY", BigDecimal.ONE, 1, BigDecimal.ZERO));
    }
}

package io.channelops.finance.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void keepsTwoDecimalsRoundingHalfUp() {
        assertThat(Money.of("10.005", "CNY").amount()).isEqualByComparingTo("10.01");
        assertThat(Money.of("10.004", "CNY").amount()).isEqualByComparingTo("10.00");
        assertThat(Money.of("-10.005", "CNY").amount()).isEqualByComparingTo("-10.01");
        assertThat(Money.of("7", "CNY").amount().scale()).isEqualTo(2);
        assertThat(Money.of("7", "CNY")).isEqualTo(Money.of("7.00", "CNY"));
    }

    @Test
    void multipliesQuantityByUnitPriceAndRoundsTheProductOnce() {
        assertThat(Money.times(new BigDecimal("33.335"), 3, "CNY")).isEqualTo(Money.of("100.01", "CNY"));
        assertThat(Money.times(new BigDecimal("0.125"), 1, "CNY")).isEqualTo(Money.of("0.13", "CNY"));
        assertThat(Money.times(new BigDecimal("19.99"), 1000, "CNY")).isEqualTo(Money.of("19990.00", "CNY"));
    }

    @Test
    void addsSubtractsAndComparesInOneCurrency() {
        Money a = Money.of("100.50", "CNY");
        Money b = Money.of("0.75", "CNY");
        assertThat(a.plus(b)).isEqualTo(Money.of("101.25", "CNY"));
        assertThat(b.minus(a)).isEqualTo(Money.of("-99.75", "CNY"));
        assertThat(b.minus(a).orZeroIfNegative()).isEqualTo(Money.zero("CNY"));
        assertThat(a.orZeroIfNegative()).isEqualTo(a);
        assertThat(a.exceeds(b)).isTrue();
        assertThat(a.exceeds(Money.of("100.5", "CNY"))).isFalse();
        assertThat(Money.zero("CNY").greaterThanZero()).isFalse();
        assertThat(b.minus(a).lessThanZero()).isTrue();
    }

    @Test
    void refusesToMixCurrencies() {
        Money cny = Money.of("1", "CNY");
        Money usd = Money.of("1", "USD");
        assertThatThrownBy(() -> cny.plus(usd)).isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> cny.minus(usd)).isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> cny.exceeds(usd)).isInstanceOf(CurrencyMismatchException.class);
        assertThat(cny.sameCurrencyAs(usd)).isFalse();
    }

    @Test
    void refusesCurrenciesThatAreNotIsoCodes() {
        assertThatThrownBy(() -> Money.of("1", "cny")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of("1", "RMB1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void convertsToTheEventShape() {
        var event = Money.of("12.5", "EUR").toEvent();
        assertThat(event.amount()).isEqualByComparingTo("12.50");
        assertThat(event.currency()).isEqualTo("EUR");
    }
}

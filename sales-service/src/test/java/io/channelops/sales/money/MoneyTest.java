package io.channelops.sales.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void alwaysKeepsTwoDecimalPlaces() {
        assertThat(Money.of("1280.5", "CNY").amount()).isEqualTo(new BigDecimal("1280.50"));
        assertThat(Money.of("7", "USD").amount().toPlainString()).isEqualTo("7.00");
        assertThat(Money.of("1.230", "EUR").amount()).isEqualTo(new BigDecimal("1.23"));
    }

    @Test
    void refusesMoreThanTwoDecimalPlacesRatherThanRounding() {
        assertThatThrownBy(() -> Money.of("1.005", "CNY")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesMoreThanFifteenIntegerDigits() {
        assertThat(Money.of("999999999999999.99", "CNY").amount()).isEqualTo(new BigDecimal("999999999999999.99"));
        assertThatThrownBy(() -> Money.of("1000000000000000", "CNY")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesCurrenciesThatAreNotThreeUpperCaseLetters() {
        assertThatThrownBy(() -> Money.of("1", "cny")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of("1", "CN")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalAmountsWithDifferentScalesAreEqual() {
        assertThat(Money.of("10.5", "CNY")).isEqualTo(Money.of("10.50", "CNY"));
        assertThat(Money.of("10.5", "CNY")).isNotEqualTo(Money.of("10.5", "USD"));
    }
}

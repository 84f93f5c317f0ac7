package io.channelops.finance.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount in one currency, always with two decimals (rounded half up). Arithmetic across
 * currencies is refused with {@link CurrencyMismatchException}: finance never converts silently.
 */
public record Money(BigDecimal amount, String currency) implements Comparable<Money> {

    public static final int SCALE = 2;

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("Not an ISO-4217 currency code: " + currency);
        }
        amount = amount.setScale(SCALE, RoundingMode.HALF_UP);
    }

    public static Money of(BigDecimal amount, String currency) {
        return new Money(amount, currency);
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** {@code quantity × unitPrice}, rounded half up to two decimals. */
    public static Money times(BigDecimal unitPrice, long quantity, String currency) {
        return new Money(unitPrice.multiply(BigDecimal.valueOf(quantity)), currency);
    }

    public boolean sameCurrencyAs(Money other) {
        return currency.equals(other.currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    /** This amount, or zero when it is negative. */
    public Money orZeroIfNegative() {
        return amount.signum() < 0 ? zero(currency) : this;
    }

    public boolean exceeds(Money other) {
        return compareTo(other) > 0;
    }

    public boolean greaterThanZero() {
        return amount.signum() > 0;
    }

    public boolean lessThanZero() {
        return amount.signum() < 0;
    }

    public io.channelops.events.Money toEvent() {
        return new io.channelops.events.Money(amount, currency);
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (!sameCurrencyAs(other)) {
            throw new CurrencyMismatchException(currency, other.currency);
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}

package io.channelops.sales.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * An amount in one currency, always with two decimal places: {@code {"amount": 1280.50, "currency": "CNY"}}.
 * Stored as {@code DECIMAL(19,2)} + {@code CHAR(3)}, so at most 17 integer digits fit; the API allows 15.
 */
public record Money(BigDecimal amount, String currency) {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final int MAX_INTEGER_DIGITS = 15;

    public Money {
        if (!CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("Not an ISO-4217 currency code: " + currency);
        }
        try {
            amount = amount.setScale(2, RoundingMode.UNNECESSARY);
        }
        catch (ArithmeticException ex) {
            throw new IllegalArgumentException("At most 2 decimal places: " + amount, ex);
        }
        if (amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
            throw new IllegalArgumentException("At most " + MAX_INTEGER_DIGITS + " integer digits: " + amount);
        }
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }
}

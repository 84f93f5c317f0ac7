package io.channelops.finance.money;

/** Two amounts in different currencies were combined; finance never converts silently. */
public class CurrencyMismatchException extends IllegalArgumentException {

    public CurrencyMismatchException(String expected, String actual) {
        super("Currency " + actual + " does not match " + expected);
    }
}

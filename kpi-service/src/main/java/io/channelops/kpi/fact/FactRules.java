package io.channelops.kpi.fact;

import io.channelops.events.Money;
import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a fact needs from an event's payload. Payloads come from another service, so nothing is
 * taken for granted: a value breaking these rules makes the event unusable (it is dead-lettered,
 * never half-applied).
 */
final class FactRules {

    static final int MAX_ID_LENGTH = 64;
    static final int MAX_ORG_PATH_LENGTH = 255;
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern ORG_PATH = Pattern.compile("(/[^/\\s]+)+");
    private static final int MAX_INTEGER_DIGITS = 15;
    private static final int MAX_FRACTION_DIGITS = 2;

    private FactRules() {
    }

    static String id(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        if (value.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException(field + " is longer than " + MAX_ID_LENGTH + " characters");
        }
        return value;
    }

    /**
     * An org path such as {@code /hq/east/team-1}: it decides who may see the fact, so it must be there and
     * look like one (absolute, at most 255 characters, no empty segment).
     */
    static String orgPath(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        if (value.length() > MAX_ORG_PATH_LENGTH) {
            throw new IllegalArgumentException(field + " is longer than " + MAX_ORG_PATH_LENGTH + " characters");
        }
        if (!ORG_PATH.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " is not an org path like /hq/east: " + value);
        }
        return value;
    }

    static <T> T present(@Nullable T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value;
    }

    /** A non-negative amount with at most 2 decimals and 15 integer digits, as DECIMAL(19,2) holds it. */
    static BigDecimal amount(@Nullable Money money, String field) {
        BigDecimal amount = present(present(money, field).amount(), field + ".amount");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException(field + ".amount is negative: " + amount);
        }
        BigDecimal normalized = amount.stripTrailingZeros();
        if (normalized.scale() > MAX_FRACTION_DIGITS) {
            throw new IllegalArgumentException(field + ".amount has more than 2 decimals: " + amount);
        }
        if (normalized.precision() - normalized.scale() > MAX_INTEGER_DIGITS) {
            throw new IllegalArgumentException(field + ".amount has more than 15 integer digits: " + amount);
        }
        return amount.setScale(MAX_FRACTION_DIGITS);
    }

    static String currency(@Nullable Money money, String field) {
        String currency = present(present(money, field).currency(), field + ".currency");
        if (!CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException(field + ".currency is not an ISO 4217 code: " + currency);
        }
        return currency;
    }
}

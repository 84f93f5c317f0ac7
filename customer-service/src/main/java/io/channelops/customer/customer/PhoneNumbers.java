package io.channelops.customer.customer;

import java.util.Optional;

/**
 * Phone numbers compared as digits: the normalized form is the international number without {@code +}, spaces or
 * punctuation ({@code 8613812345678}), so {@code +86 138-1234-5678}, {@code 0086 13812345678} and, with the default
 * country code 86, {@code 138 1234 5678} are the same number.
 * <ul>
 *   <li>a number starting with {@code +} (also inside a bracket) already carries its country code: its digits
 *       are kept;</li>
 *   <li>one starting with {@code 00} (international call prefix) too: the {@code 00} is dropped;</li>
 *   <li>any other is national: a leading trunk {@code 0} is dropped ({@code 021 6123 4567} → {@code 2161234567}) and
 *       the default country code put in front.</li>
 * </ul>
 */
public final class PhoneNumbers {

    /** E.164 allows at most 15 digits; fewer than 5 is not a phone number. */
    static final int MIN_DIGITS = 5;
    static final int MAX_DIGITS = 15;

    private PhoneNumbers() {
    }

    /** The normalized number, or empty when the text has too few or too many digits to be one. */
    public static Optional<String> normalize(String number, String defaultCountryCode) {
        String text = number.strip();
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (Character.isLetter(c)) {
                return Optional.empty();
            }
        }
        String normalized;
        if (text.replaceAll("[\\s()]", "").startsWith("+")) {
            normalized = digits.toString();
        } else if (digits.length() > 2 && digits.charAt(0) == '0' && digits.charAt(1) == '0') {
            normalized = digits.substring(2);
        } else {
            int start = 0;
            while (start < digits.length() && digits.charAt(start) == '0') {
                start++;
            }
            normalized = defaultCountryCode + digits.substring(start);
        }
        if (normalized.length() < MIN_DIGITS || normalized.length() > MAX_DIGITS || normalized.startsWith("0")) {
            return Optional.empty();
        }
        return Optional.of(normalized);
    }
}

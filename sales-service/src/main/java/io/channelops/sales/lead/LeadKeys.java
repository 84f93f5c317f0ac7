package io.channelops.sales.lead;

import java.text.Normalizer;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The normalized forms duplicate checks compare: e-mail trimmed and lower case; phone digits only (a leading
 * {@code +} or {@code 00} dropped, so {@code +86 21 5555-0100} and {@code 0086 21 55550100} match); company name
 * lower case with every character that is not a letter or digit removed ({@code "ACME Trading, Ltd."} →
 * {@code acmetradingltd}).
 */
public final class LeadKeys {

    private LeadKeys() {
    }

    public static @Nullable String email(@Nullable String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        return email.strip().toLowerCase(Locale.ROOT);
    }

    public static @Nullable String phone(@Nullable String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (phone.strip().startsWith("00") || !phone.strip().startsWith("+") && digits.startsWith("00")) {
            digits = digits.replaceFirst("^00", "");
        }
        return digits.length() < 5 ? null : digits;
    }

    public static String company(String company) {
        String folded = Normalizer.normalize(company, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder();
        folded.codePoints().filter(Character::isLetterOrDigit).forEach(key::appendCodePoint);
        return key.length() > 200 ? key.substring(0, 200) : key.toString();
    }
}

package io.channelops.customer.customer;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The normalized forms duplicates are found by: tax ids, and names and cities. */
final class DuplicateKeys {

    private DuplicateKeys() {
    }

    /**
     * A tax id without spaces, dashes or dots, in upper case: {@code 91310000-MA1K.4XYZ} →
     * {@code 91310000MA1K4XYZ}.
     */
    static @Nullable String taxId(@Nullable String taxId) {
        if (taxId == null) {
            return null;
        }
        String key = taxId.replaceAll("[^\\p{L}\\p{N}]", "").toUpperCase(Locale.ROOT);
        return key.isEmpty() ? null : key;
    }

    /** A name or city compared ignoring case and every kind of white space (also the full-width space). */
    static @Nullable String text(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String key = text.replaceAll("[\\s\\p{Z}]+", "").toLowerCase(Locale.ROOT);
        return key.isEmpty() ? null : key;
    }
}

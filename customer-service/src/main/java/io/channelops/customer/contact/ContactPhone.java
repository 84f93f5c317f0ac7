package io.channelops.customer.contact;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/**
 * One phone number of a contact as the client gave it, with an optional label ({@code mobile}, {@code office}) and
 * its normalized form (digits only, a leading {@code +} kept) for lookups by phone.
 */
@Embeddable
public record ContactPhone(
        @Column(name = "phone_number", nullable = false, length = 32) String number,
        @Column(name = "label", length = 30) @Nullable String label,
        @Column(name = "normalized_number", nullable = false, length = 32) String normalizedNumber) {

    /** A phone as given, normalized. */
    public static ContactPhone of(String number, @Nullable String label) {
        String trimmed = number.strip();
        String cleanLabel = label == null || label.isBlank() ? null : label.strip();
        return new ContactPhone(trimmed, cleanLabel, normalize(trimmed));
    }

    /** Digits only, with a leading {@code +} kept: {@code +86 (21) 5555-0100} becomes {@code +862155550100}. */
    public static String normalize(String number) {
        StringBuilder digits = new StringBuilder();
        String trimmed = number.strip();
        if (trimmed.startsWith("+")) {
            digits.append('+');
        }
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.toString();
    }
}

package io.channelops.customer.contact;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The optional fields of a contact a change can clear, by their name on the wire. */
public enum ContactField {
    TITLE("title"), DEPARTMENT("department"), ROLE("role"), PHONES("phones"), EMAIL("email"),
    BIRTHDAY("birthday"), PREFERRED_CHANNEL("preferredChannel"), NOTES("notes");

    /** The names a client may list in {@code clear}, as a regular expression. */
    public static final String NAMES = "title|department|role|phones|email|birthday|preferredChannel|notes";

    private final String wireName;

    ContactField(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ContactField> ofWireName(String name) {
        return Arrays.stream(values()).filter(f -> f.wireName.equals(name.strip())).findFirst()
                .or(() -> Arrays.stream(values()).filter(f -> f.name().equals(name.strip().toUpperCase(Locale.ROOT)))
                        .findFirst());
    }
}

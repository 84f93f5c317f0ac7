package io.channelops.customer.imports;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The encodings an import file may have. A UTF-8 byte order mark is skipped. */
public enum ImportCharset {
    UTF_8("UTF-8", StandardCharsets.UTF_8), GBK("GBK", Charset.forName("GBK"));

    private final String label;
    private final Charset charset;

    ImportCharset(String label, Charset charset) {
        this.label = label;
        this.charset = charset;
    }

    /** {@code UTF-8} or {@code GBK}, in any case; IllegalArgumentException for anything else. */
    public static ImportCharset of(String label) {
        for (ImportCharset candidate : values()) {
            if (candidate.label.equalsIgnoreCase(label.strip())) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("Unsupported import charset " + label.toUpperCase(Locale.ROOT));
    }

    public String label() {
        return label;
    }

    public Charset charset() {
        return charset;
    }
}

package io.channelops.sales.product;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a product is, beyond its name: free text ({@code "Cast iron housing, 200 l/min at 3 bar"}) and/or named
 * attributes ({@code {"flow": "200 l/min", "material": "stainless steel"}}), attribute order kept.
 */
public record ProductSpecification(@Nullable String text, Map<String, String> attributes) {

    public static final int MAX_TEXT_LENGTH = 4000;
    public static final int MAX_ATTRIBUTES = 50;
    public static final int MAX_KEY_LENGTH = 64;
    public static final int MAX_VALUE_LENGTH = 500;
    public static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._/-]{0,63}");

    public static final ProductSpecification NONE = new ProductSpecification(null, Map.of());

    /** @throws IllegalArgumentException when the text or an attribute breaks the catalog's limits */
    public ProductSpecification {
        if (text != null) {
            text = text.strip();
            if (text.isEmpty()) {
                text = null;
            }
            else if (text.length() > MAX_TEXT_LENGTH) {
                throw new IllegalArgumentException("A specification text has at most " + MAX_TEXT_LENGTH
                        + " characters");
            }
        }
        if (attributes.size() > MAX_ATTRIBUTES) {
            throw new IllegalArgumentException("A specification has at most " + MAX_ATTRIBUTES + " attributes");
        }
        Map<String, String> copy = new LinkedHashMap<>();
        attributes.forEach((key, value) -> {
            String k = key.strip();
            if (!KEY.matcher(k).matches()) {
                throw new IllegalArgumentException("Not a valid attribute name: " + key);
            }
            if (value.length() > MAX_VALUE_LENGTH) {
                throw new IllegalArgumentException("An attribute value has at most " + MAX_VALUE_LENGTH
                        + " characters");
            }
            copy.put(k, value.strip());
        });
        attributes = Collections.unmodifiableMap(copy);
    }
}

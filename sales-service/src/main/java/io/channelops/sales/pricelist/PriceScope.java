package io.channelops.sales.pricelist;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Whom and what a price list applies to; a null field means any value. A list applies to a sale when every field it
 * sets matches: the customer's region, type and level (from the local customer copy) and the product's category or
 * one of its ancestors.
 *
 * <p>Specificity, used to pick the one list that prices a sale: first the number of fields set, then (between lists
 * setting as many) which ones, weighted {@code customerLevel} (8) &gt; {@code customerType} (4) &gt;
 * {@code regionCode} (2) &gt; {@code categoryId} (1).
 */
public record PriceScope(@Nullable String regionCode, @Nullable String customerType, @Nullable String customerLevel,
        @Nullable String categoryId) {

    public static final PriceScope ANY = new PriceScope(null, null, null, null);

    /** Customer types and levels as customer-service classifies customers. */
    public static final Set<String> CUSTOMER_TYPES = Set.of("DIRECT", "DISTRIBUTOR", "DEALER", "AGENT", "RETAIL",
            "GOVERNMENT", "PARTNER");
    public static final Set<String> CUSTOMER_LEVELS = Set.of("KEY", "NORMAL", "MINOR");
    public static final Pattern REGION = Pattern.compile("[A-Z0-9-]{1,32}");

    /** Normalizes (upper case, blank → null). @throws IllegalArgumentException for a value that can never match */
    public PriceScope {
        regionCode = upper(regionCode);
        customerType = upper(customerType);
        customerLevel = upper(customerLevel);
        categoryId = categoryId == null || categoryId.isBlank() ? null : categoryId.strip();
        if (regionCode != null && !REGION.matcher(regionCode).matches()) {
            throw new IllegalArgumentException("Not a region code: " + regionCode);
        }
        if (customerType != null && !CUSTOMER_TYPES.contains(customerType)) {
            throw new IllegalArgumentException("Not a customer type: " + customerType);
        }
        if (customerLevel != null && !CUSTOMER_LEVELS.contains(customerLevel)) {
            throw new IllegalArgumentException("Not a customer level: " + customerLevel);
        }
    }

    /** How many fields are set, 0 to 4. */
    public int specificity() {
        return (regionCode == null ? 0 : 1) + (customerType == null ? 0 : 1) + (customerLevel == null ? 0 : 1)
                + (categoryId == null ? 0 : 1);
    }

    /** Which fields are set, weighted customerLevel 8, customerType 4, regionCode 2, categoryId 1. */
    public int weight() {
        return (customerLevel == null ? 0 : 8) + (customerType == null ? 0 : 4) + (regionCode == null ? 0 : 2)
                + (categoryId == null ? 0 : 1);
    }

    /** Whether the scope names a customer field: such a list never applies to an unknown customer. */
    public boolean namesCustomer() {
        return regionCode != null || customerType != null || customerLevel != null;
    }

    /** The scope as one string, equal for equal scopes: {@code r=EAST|t=|l=KEY|c=}. */
    public String key() {
        return "r=" + nullToEmpty(regionCode) + "|t=" + nullToEmpty(customerType) + "|l=" + nullToEmpty(customerLevel)
                + "|c=" + nullToEmpty(categoryId);
    }

    private static String nullToEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static @Nullable String upper(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip().toUpperCase(Locale.ROOT);
    }
}

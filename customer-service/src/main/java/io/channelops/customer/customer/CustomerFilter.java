package io.channelops.customer.customer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Filters of the customer list and export; null or empty means any. Several values of one enum filter match any of
 * them. {@code tags} match any of the given tags, or all of them with {@code allTags}. {@code attributes} are
 * {@code attr.<key>=value} filters (exact value, canonical for the attribute's type). {@code orgPath} narrows to an
 * org subtree inside the caller's scope. {@code lastActivityBefore} also matches customers with no activity at all.
 * {@code text} searches name, code, phone numbers (and contact names).
 */
public record CustomerFilter(List<CustomerType> types, List<CustomerLevel> levels, List<CustomerStatus> statuses,
        @Nullable String grade, @Nullable String industry, @Nullable String companySize, @Nullable String regionCode,
        @Nullable String routeCode, Set<String> tags, boolean allTags, Map<String, String> attributes,
        @Nullable String ownerId, @Nullable String orgPath, @Nullable Instant lastActivityBefore,
        @Nullable Instant lastActivityAfter, @Nullable String parentId, @Nullable String text,
        @Nullable Boolean hasOverdueBalance) {

    public CustomerFilter {
        types = List.copyOf(types);
        levels = List.copyOf(levels);
        statuses = List.copyOf(statuses);
        tags = Set.copyOf(tags);
        attributes = Map.copyOf(attributes);
    }

    /** Only by type, region and text. */
    public static CustomerFilter of(@Nullable CustomerType type, @Nullable String regionCode, @Nullable String text) {
        return new CustomerFilter(type == null ? List.of() : List.of(type), List.of(), List.of(), null, null, null,
                regionCode, null, Set.of(), false, Map.of(), null, null, null, null, null, text, null);
    }
}

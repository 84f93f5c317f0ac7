package io.channelops.customer.customer;

import io.channelops.platform.security.Ownership;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Finds an existing customer that a new or changed one duplicates, among ALL customers (not only the caller's): the
 * same tax id, the same normalized phone number, or the same name in the same city (both ignoring case and white
 * space). Rules are tried in that order; the first match is reported.
 */
@Component
public class Duplicates {

    /** Which rule found the duplicate. */
    public enum Rule {
        TAX_ID("tax id"), PHONE("phone number"), NAME_AND_CITY("name and city");

        private final String description;

        Rule(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** The existing customer and the rule that matched it. */
    public record Match(String id, String code, String name, Ownership ownership, Rule rule) {
    }

    private final JdbcTemplate jdbc;

    Duplicates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The first customer other than {@code excludedId} matching one of the rules for these keys (see
     * {@link DuplicateKeys}); null keys do not match.
     */
    Optional<Match> find(@Nullable String taxIdKey, Collection<String> normalizedPhones, @Nullable String nameKey,
            @Nullable String cityKey, @Nullable String excludedId) {
        String exclude = excludedId == null ? "" : excludedId;
        if (taxIdKey != null) {
            Optional<Match> match = first("SELECT c.id, c.code, c.name, c.owner_id, c.org_path FROM customers c "
                    + "WHERE c.tax_id_key = ? AND c.id <> ? LIMIT 1", Rule.TAX_ID, taxIdKey, exclude);
            if (match.isPresent()) {
                return match;
            }
        }
        if (!normalizedPhones.isEmpty()) {
            String marks = String.join(", ", Collections.nCopies(normalizedPhones.size(), "?"));
            Object[] args = new Object[normalizedPhones.size() + 1];
            int i = 0;
            for (String phone : normalizedPhones) {
                args[i++] = phone;
            }
            args[i] = exclude;
            Optional<Match> match = first("SELECT c.id, c.code, c.name, c.owner_id, c.org_path FROM customer_phones p "
                    + "JOIN customers c ON c.id = p.customer_id WHERE p.normalized IN (" + marks + ") AND c.id <> ? "
                    + "ORDER BY c.created_at LIMIT 1", Rule.PHONE, args);
            if (match.isPresent()) {
                return match;
            }
        }
        if (nameKey != null && cityKey != null) {
            return first("SELECT c.id, c.code, c.name, c.owner_id, c.org_path FROM customers c "
                    + "WHERE c.name_key = ? AND c.city_key = ? AND c.id <> ? ORDER BY c.created_at LIMIT 1",
                    Rule.NAME_AND_CITY, nameKey, cityKey, exclude);
        }
        return Optional.empty();
    }

    private Optional<Match> first(String sql, Rule rule, Object... args) {
        RowMapper<Match> mapper = (rs, n) -> new Match(rs.getString("id"), rs.getString("code"), rs.getString("name"),
                new Ownership(rs.getString("owner_id"), rs.getString("org_path")), rule);
        List<Match> matches = jdbc.query(sql, mapper, args);
        return matches.stream().findFirst();
    }
}

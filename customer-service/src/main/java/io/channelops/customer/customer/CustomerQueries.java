package io.channelops.customer.customer;

import io.channelops.platform.security.DataScope;
import io.channelops.platform.security.OrgPaths;
import io.channelops.platform.web.ApiProblem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * The customer list's filters as one SQL condition over {@code customers c}, shared by search (a page of ids and a
 * count), the CSV export (one streamed query) and phone lookup; always within the caller's {@link DataScope}.
 */
@Component
class CustomerQueries {

    /** Sortable API properties and their columns. */
    static final Map<String, String> SORT_COLUMNS = Map.of("name", "c.name", "code", "c.code", "createdAt",
            "c.created_at", "updatedAt", "c.updated_at", "regionCode", "c.region_code", "lastActivityAt",
            "c.last_activity_at", "routeStop", "c.route_stop");

    private final JdbcTemplate jdbc;
    private final DataScope scope;
    private final OverdueBalances balances;

    CustomerQueries(JdbcTemplate jdbc, DataScope scope, OverdueBalances balances) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.balances = balances;
    }

    /** A SQL condition and its arguments. */
    record Condition(String sql, List<Object> args) {
    }

    /** Ids of one page of the filtered list, in order. */
    List<String> ids(CustomerFilter filter, Sort sort, long offset, int limit) {
        Condition where = where(filter);
        List<Object> args = new ArrayList<>(where.args());
        args.add(limit);
        args.add(offset);
        return jdbc.queryForList("SELECT c.id FROM customers c WHERE " + where.sql() + " ORDER BY " + orderBy(sort)
                + " LIMIT ? OFFSET ?", String.class, args.toArray());
    }

    long count(CustomerFilter filter) {
        Condition where = where(filter);
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM customers c WHERE " + where.sql(), Long.class,
                where.args().toArray());
        return count == null ? 0 : count;
    }

    /** A customer's phone that matched a lookup. */
    record PhoneMatch(String id, String code, String name, String ownerId, CustomerStatus status,
            CustomerLevel level, String phone) {
    }

    /** The customers in scope with this normalized phone number (at most {@code limit}). */
    List<PhoneMatch> byPhone(String normalized, int limit) {
        DataScope.Sql visible = scope.sql("c.owner_id", "c.org_path");
        List<Object> args = new ArrayList<>(List.of(normalized));
        args.addAll(visible.args());
        args.add(limit);
        return jdbc.query("SELECT c.id, c.code, c.name, c.owner_id, c.status, c.level, MIN(p.phone_number) AS phone "
                        + "FROM customer_phones p JOIN customers c ON c.id = p.customer_id "
                        + "WHERE p.normalized = ? AND " + visible.condition()
                        + " GROUP BY c.id, c.code, c.name, c.owner_id, c.status, c.level ORDER BY c.code LIMIT ?",
                (rs, n) -> new PhoneMatch(rs.getString("id"), rs.getString("code"), rs.getString("name"),
                        rs.getString("owner_id"), CustomerStatus.valueOf(rs.getString("status")),
                        CustomerLevel.valueOf(rs.getString("level")), rs.getString("phone")),
                args.toArray());
    }

    /**
     * Runs the export query: every customer of the filtered list in {@code sort} order, one row at a time from a
     * streaming result set (no list in memory), with phones, tags, the default billing and shipping address and the
     * value of each attribute in {@code attributeKeys} as columns {@code attr_0, attr_1, ...}.
     */
    void stream(CustomerFilter filter, Sort sort, List<String> attributeKeys, int fetchSize, RowCallbackHandler rows) {
        Condition where = where(filter);
        StringBuilder select = new StringBuilder("""
                SELECT c.*,
                  (SELECT GROUP_CONCAT(CASE WHEN p.label IS NULL THEN p.phone_number
                                            ELSE CONCAT(p.phone_number, ' (', p.label, ')') END
                                       ORDER BY p.sort_order SEPARATOR '; ')
                     FROM customer_phones p WHERE p.customer_id = c.id) AS phone_list,
                  (SELECT GROUP_CONCAT(t.tag ORDER BY t.tag SEPARATOR '; ')
                     FROM customer_tags t WHERE t.customer_id = c.id) AS tag_list,
                  %s AS billing_address, %s AS shipping_address""".formatted(address("BILLING"), address("SHIPPING")));
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < attributeKeys.size(); i++) {
            select.append(",\n  (SELECT a.attr_value FROM customer_attributes a WHERE a.customer_id = c.id AND "
                    + "a.attr_key = ?) AS attr_").append(i);
            args.add(attributeKeys.get(i));
        }
        select.append("\nFROM customers c WHERE ").append(where.sql()).append(" ORDER BY ").append(orderBy(sort));
        args.addAll(where.args());
        jdbc.query(connection -> {
            var statement = connection.prepareStatement(select.toString(), ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(fetchSize);
            for (int i = 0; i < args.size(); i++) {
                statement.setObject(i + 1, args.get(i));
            }
            return statement;
        }, rows);
    }

    private static String address(String kind) {
        return """
                (SELECT CONCAT_WS(', ', a.line1, a.line2, a.city, a.province, a.postal_code, a.country_code)
                   FROM customer_addresses a WHERE a.customer_id = c.id AND a.kind = '%s'
                  ORDER BY a.is_default DESC, a.sort_order LIMIT 1)""".formatted(kind);
    }

    /** A DATETIME column as ISO-8601 UTC text, or null. */
    static @Nullable String instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC).toString();
    }

    Condition where(CustomerFilter filter) {
        DataScope.Sql visible = scope.sql("c.owner_id", "c.org_path");
        StringBuilder sql = new StringBuilder(visible.condition());
        List<Object> args = new ArrayList<>(visible.args());
        in(sql, args, "c.type", filter.types().stream().map(Enum::name).toList());
        in(sql, args, "c.level", filter.levels().stream().map(Enum::name).toList());
        in(sql, args, "c.status", filter.statuses().stream().map(Enum::name).toList());
        equal(sql, args, "c.grade", filter.grade());
        equal(sql, args, "c.industry", filter.industry());
        equal(sql, args, "c.company_size", filter.companySize());
        equal(sql, args, "c.region_code", upper(filter.regionCode()));
        equal(sql, args, "c.route_code", upper(filter.routeCode()));
        equal(sql, args, "c.owner_id", filter.ownerId());
        equal(sql, args, "c.parent_id", filter.parentId());
        if (!filter.tags().isEmpty()) {
            List<String> tags = filter.tags().stream().sorted().toList();
            String marks = String.join(", ", Collections.nCopies(tags.size(), "?"));
            if (filter.allTags()) {
                sql.append(" AND (SELECT COUNT(*) FROM customer_tags t WHERE t.customer_id = c.id AND t.tag IN (")
                        .append(marks).append(")) = ?");
                args.addAll(tags);
                args.add(tags.size());
            } else {
                sql.append(" AND EXISTS (SELECT 1 FROM customer_tags t WHERE t.customer_id = c.id AND t.tag IN (")
                        .append(marks).append("))");
                args.addAll(tags);
            }
        }
        filter.attributes().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(attribute -> {
            sql.append(" AND EXISTS (SELECT 1 FROM customer_attributes a WHERE a.customer_id = c.id "
                    + "AND a.attr_key = ? AND a.attr_value = ?)");
            args.add(attribute.getKey());
            args.add(attribute.getValue());
        });
        if (filter.orgPath() != null) {
            sql.append(" AND (c.org_path = ? OR c.org_path LIKE ? ESCAPE '\\\\')");
            args.add(OrgPaths.withoutTrailingSlash(filter.orgPath()));
            args.add(OrgPaths.belowPattern(filter.orgPath()));
        }
        if (filter.lastActivityBefore() != null) {
            sql.append(" AND (c.last_activity_at IS NULL OR c.last_activity_at < ?)");
            args.add(LocalDateTime.ofInstant(filter.lastActivityBefore(), ZoneOffset.UTC));
        }
        if (filter.lastActivityAfter() != null) {
            sql.append(" AND c.last_activity_at >= ?");
            args.add(LocalDateTime.ofInstant(filter.lastActivityAfter(), ZoneOffset.UTC));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            String text = filter.text().strip();
            String like = "%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%";
            sql.append(" AND (LOWER(c.name) LIKE ? OR LOWER(c.code) LIKE ?");
            args.add(like);
            args.add(like);
            String digits = text.replaceAll("[^0-9]", "");
            if (digits.length() >= 4 && text.matches("[+0-9 ()./-]+")) {
                sql.append(" OR EXISTS (SELECT 1 FROM customer_phones p WHERE p.customer_id = c.id "
                        + "AND p.normalized LIKE ?)");
                args.add("%" + phoneDigits(digits) + "%");
            }
            contactNameMatches(like).ifPresent(contacts -> {
                sql.append(" OR ").append(contacts.sql());
                args.addAll(contacts.args());
            });
            sql.append(")");
        }
        if (filter.hasOverdueBalance() != null) {
            Condition overdue = overdueBalance(filter.hasOverdueBalance());
            sql.append(" AND ").append(overdue.sql());
            args.addAll(overdue.args());
        }
        return new Condition(sql.toString(), args);
    }

    /**
     * Free text {@code q} also finds customers by the name of one of their contacts.
     *
     * @param like the lower-case {@code %text%} pattern, LIKE-escaped with backslash
     */
    private Optional<Condition> contactNameMatches(String like) {
        return Optional.of(new Condition(
                "EXISTS (SELECT 1 FROM contacts ct WHERE ct.customer_id = c.id AND LOWER(ct.name) LIKE ?)",
                List.of(like)));
    }

    /** Customers with (true) or without (false) a balance past its due date, by the 360 summary's read model. */
    private Condition overdueBalance(boolean hasOverdueBalance) {
        OverdueBalances.SqlCondition overdue = balances.overdue("c.id");
        return new Condition(hasOverdueBalance ? overdue.sql() : "NOT " + overdue.sql(), overdue.args());
    }

    /** Digits of a phone search: without an international prefix, so any written form of the number matches. */
    private static String phoneDigits(String digits) {
        String stripped = digits;
        while (stripped.startsWith("0")) {
            stripped = stripped.substring(1);
        }
        return stripped;
    }

    private static String orderBy(Sort sort) {
        List<String> parts = new ArrayList<>();
        for (Sort.Order order : sort) {
            String column = SORT_COLUMNS.get(order.getProperty());
            if (column == null) {
                throw new IllegalArgumentException("Not a sortable property: " + order.getProperty());
            }
            parts.add(column + (order.isAscending() ? " ASC" : " DESC"));
        }
        parts.add("c.id ASC");
        return String.join(", ", parts);
    }

    private static void in(StringBuilder sql, List<Object> args, String column, List<String> values) {
        if (!values.isEmpty()) {
            sql.append(" AND ").append(column).append(" IN (")
                    .append(String.join(", ", Collections.nCopies(values.size(), "?"))).append(")");
            args.addAll(values);
        }
    }

    private static void equal(StringBuilder sql, List<Object> args, String column, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            sql.append(" AND ").append(column).append(" = ?");
            args.add(value.strip());
        }
    }

    private static @Nullable String upper(@Nullable String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

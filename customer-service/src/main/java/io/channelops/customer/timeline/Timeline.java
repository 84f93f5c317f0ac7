package io.channelops.customer.timeline;

import io.channelops.customer.customer.CustomerService;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's timeline, newest first: the activities logged with it, every revision of its record, every change of
 * owner (assignments, transfers, the open pool), its service cases, and — from the 360 summary's read model of
 * order-service's and finance-service's events — its approved orders and posted payments. Read straight from each
 * feature's table: each source gives at most one page of entries at or before the cursor, and the merged list is cut
 * to the page, so a page costs six indexed queries whatever the customer's history.
 */
@Service
public class Timeline {

    private final CustomerService customers;
    private final JdbcTemplate jdbc;

    public Timeline(CustomerService customers, JdbcTemplate jdbc) {
        this.customers = customers;
        this.jdbc = jdbc;
    }

    /** One page of the timeline and the cursor of the next one (null on the last page). */
    public record Page(List<TimelineEntry> entries, @Nullable TimelineCursor next) {
    }

    /** A page of the timeline of a customer the caller sees (404 otherwise), after {@code cursor} when given. */
    @Transactional(readOnly = true)
    public Page page(String customerId, @Nullable TimelineCursor cursor, int size) {
        customers.get(customerId);
        Instant until = cursor == null ? Instant.parse("9999-12-31T00:00:00Z") : cursor.at();
        int fetch = size + 1;
        List<TimelineEntry> merged = new ArrayList<>();
        merged.addAll(query("""
                SELECT id AS ref, occurred_at AS at, type, subject AS title, logged_by AS actor, NULL AS amount,
                       NULL AS currency
                FROM activities WHERE customer_id = ? AND occurred_at <= ?
                ORDER BY occurred_at DESC, id LIMIT ?""", TimelineEntry.Kind.ACTIVITY, customerId, until, fetch));
        merged.addAll(jdbc.query("""
                SELECT a.rev, a.revtype, r.revtstmp, r.changed_by FROM customers_aud a JOIN revinfo r ON r.rev = a.rev
                WHERE a.id = ? AND r.revtstmp <= ? ORDER BY r.revtstmp DESC, a.rev LIMIT ?""",
                (rs, row) -> new TimelineEntry(Instant.ofEpochMilli(rs.getLong("revtstmp")),
                        TimelineEntry.Kind.CHANGE, Long.toString(rs.getLong("rev")), revisionType(rs.getInt("revtype")),
                        revisionTitle(rs.getInt("revtype")), rs.getString("changed_by"), null, null),
                customerId, until.toEpochMilli(), fetch));
        merged.addAll(query("""
                SELECT id AS ref, assigned_at AS at, kind AS type, reason AS title, assigned_by AS actor,
                       NULL AS amount, NULL AS currency
                FROM customer_assignments WHERE customer_id = ? AND assigned_at <= ?
                ORDER BY assigned_at DESC, id LIMIT ?""", TimelineEntry.Kind.OWNERSHIP, customerId, until, fetch));
        merged.addAll(query("""
                SELECT id AS ref, opened_at AS at, category AS type, subject AS title, opened_by AS actor,
                       NULL AS amount, NULL AS currency
                FROM service_cases WHERE customer_id = ? AND opened_at <= ?
                ORDER BY opened_at DESC, id LIMIT ?""", TimelineEntry.Kind.CASE, customerId, until, fetch));
        merged.addAll(query("""
                SELECT order_id AS ref, approved_at AS at, 'APPROVED' AS type, order_number AS title, NULL AS actor,
                       total AS amount, currency
                FROM summary_orders WHERE customer_id = ? AND approved_at <= ?
                ORDER BY approved_at DESC, order_id LIMIT ?""", TimelineEntry.Kind.ORDER, customerId, until, fetch));
        merged.addAll(query("""
                SELECT payment_id AS ref, posted_at AS at, 'POSTED' AS type, invoice_id AS title, NULL AS actor,
                       amount, currency
                FROM summary_payments WHERE customer_id = ? AND posted_at <= ?
                ORDER BY posted_at DESC, payment_id LIMIT ?""", TimelineEntry.Kind.PAYMENT, customerId, until,
                fetch));
        List<TimelineEntry> after = merged.stream().filter(entry -> cursor == null || cursor.isBefore(entry))
                .sorted(TimelineEntry.NEWEST_FIRST).toList();
        if (after.size() <= size) {
            return new Page(after, null);
        }
        List<TimelineEntry> entries = after.subList(0, size);
        return new Page(entries, TimelineCursor.after(entries.getLast()));
    }

    private List<TimelineEntry> query(String sql, TimelineEntry.Kind kind, String customerId, Instant until,
            int limit) {
        RowMapper<TimelineEntry> mapper = (rs, row) -> entry(rs, kind);
        return jdbc.query(sql, mapper, customerId, Timestamp.from(until), limit);
    }

    private static TimelineEntry entry(ResultSet rs, TimelineEntry.Kind kind) throws SQLException {
        return new TimelineEntry(rs.getTimestamp("at").toInstant(), kind, rs.getString("ref"), rs.getString("type"),
                rs.getString("title"), rs.getString("actor"), rs.getBigDecimal("amount"), rs.getString("currency"));
    }

    private static String revisionType(int revtype) {
        return switch (revtype) {
            case 0 -> "CREATED";
            case 2 -> "DELETED";
            default -> "CHANGED";
        };
    }

    private static String revisionTitle(int revtype) {
        return switch (revtype) {
            case 0 -> "Customer registered";
            case 2 -> "Customer removed";
            default -> "Customer record changed (see its history)";
        };
    }
}

package io.channelops.customer.ownership;

import io.channelops.platform.security.Ownership;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The assignment history of all customers (table {@code customer_assignments}), append-only: written in the
 * transaction of the ownership change it records. The single assignment of the customer feature writes the same
 * table (kind {@link AssignmentKind#ASSIGNED}).
 */
@Component
public class AssignmentHistory {

    private static final String COLUMNS = """
            id, customer_id, kind, from_owner_id, from_org_path, to_owner_id, to_org_path, reason, assigned_by,
            assigned_at""";

    private final JdbcTemplate jdbc;

    AssignmentHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends one row; call inside the transaction that changes the owner. */
    void record(String customerId, AssignmentKind kind, Ownership from, Ownership to, String reason,
            String assignedBy, Instant at) {
        jdbc.update("INSERT INTO customer_assignments (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(), customerId, kind.name(), from.ownerId(), from.orgPath(), to.ownerId(),
                to.orgPath(), reason, assignedBy, Timestamp.from(at));
    }

    /** A customer's history, newest first unless the page asks for {@code assignedAt} ascending. */
    Page<AssignmentEntry> of(String customerId, Pageable pageable) {
        Sort.Order order = pageable.getSort().getOrderFor("assignedAt");
        String direction = order != null && order.isAscending() ? "ASC" : "DESC";
        List<AssignmentEntry> rows = jdbc.query("SELECT " + COLUMNS
                + " FROM customer_assignments WHERE customer_id = ?"
                + " ORDER BY assigned_at %s, id %s LIMIT ? OFFSET ?".formatted(direction, direction),
                AssignmentHistory::entry, customerId, pageable.getPageSize(), pageable.getOffset());
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM customer_assignments WHERE customer_id = ?",
                Long.class, customerId);
        return new PageImpl<>(rows, pageable, total == null ? 0 : total);
    }

    /** The customer's latest ownership change, if it ever had one. */
    Optional<AssignmentEntry> latest(String customerId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM customer_assignments WHERE customer_id = ?"
                + " ORDER BY assigned_at DESC, id DESC LIMIT 1", AssignmentHistory::entry, customerId)
                .stream().findFirst();
    }

    /**
     * How many prospects {@code userId} holds because they claimed them from the open pool: customers they own in
     * status {@code PROSPECT} whose latest ownership change is their own claim. A claimed customer that became
     * active, or that someone else assigned to them since, no longer counts.
     */
    long heldClaims(String userId) {
        Long count = jdbc.queryForObject("""
                SELECT COUNT(*) FROM customers c
                 WHERE c.owner_id = ? AND c.status = 'PROSPECT'
                   AND EXISTS (SELECT 1 FROM customer_assignments a
                                WHERE a.customer_id = c.id AND a.kind = 'CLAIMED' AND a.to_owner_id = ?
                                  AND NOT EXISTS (SELECT 1 FROM customer_assignments later
                                                   WHERE later.customer_id = c.id
                                                     AND later.assigned_at > a.assigned_at))""",
                Long.class, userId, userId);
        return count == null ? 0 : count;
    }

    /** Re-points the history of a merged customer to the surviving one; returns the rows moved. */
    int move(String fromCustomerId, String toCustomerId) {
        return jdbc.update("UPDATE customer_assignments SET customer_id = ? WHERE customer_id = ?", toCustomerId,
                fromCustomerId);
    }

    private static AssignmentEntry entry(ResultSet rs, int row) throws SQLException {
        return new AssignmentEntry(rs.getString("id"), rs.getString("customer_id"),
                AssignmentKind.valueOf(rs.getString("kind")),
                new Ownership(rs.getString("from_owner_id"), rs.getString("from_org_path")),
                new Ownership(rs.getString("to_owner_id"), rs.getString("to_org_path")), rs.getString("reason"),
                rs.getString("assigned_by"), rs.getTimestamp("assigned_at").toInstant());
    }
}

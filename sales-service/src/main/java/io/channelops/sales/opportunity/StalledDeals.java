package io.channelops.sales.opportunity;

import io.channelops.platform.security.DataScope;
import io.channelops.sales.money.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds stalled deals: open opportunities whose last movement (stage change or activity) lies more than their
 * current stage's {@code stall_days} before now, within the caller's data scope, the longest idle first. A stage
 * without a threshold never stalls.
 */
@Component
class StalledDeals {

    private final JdbcTemplate jdbc;
    private final DataScope scope;

    StalledDeals(JdbcTemplate jdbc, DataScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    Page<StalledDeal> find(OpportunityService.StalledFilter filter, Instant now, Pageable pageable) {
        DataScope.Sql visible = scope.sql("o.owner_id", "o.org_path");
        StringBuilder where = new StringBuilder("""
                o.status = 'OPEN' AND s.stall_days IS NOT NULL
                AND o.last_movement_at < TIMESTAMPADD(DAY, -s.stall_days, ?) AND\s""").append(visible.condition());
        List<Object> args = new ArrayList<>();
        args.add(Timestamp.from(now));
        args.addAll(visible.args());
        if (filter.stage() != null && !filter.stage().isBlank()) {
            where.append(" AND o.stage_code = ?");
            args.add(filter.stage().strip().toUpperCase(Locale.ROOT));
        }
        if (filter.ownerId() != null && !filter.ownerId().isBlank()) {
            where.append(" AND o.owner_id = ?");
            args.add(filter.ownerId().strip());
        }
        if (filter.customerId() != null && !filter.customerId().isBlank()) {
            where.append(" AND o.customer_id = ?");
            args.add(filter.customerId().strip());
        }
        String from = " FROM opportunities o JOIN pipeline_stages s ON s.code = o.stage_code WHERE " + where;
        Long total = jdbc.queryForObject("SELECT COUNT(*)" + from, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(pageable.getPageSize());
        pageArgs.add(pageable.getOffset());
        List<StalledDeal> content = jdbc.query("""
                SELECT o.id, o.name, o.customer_id, o.stage_code, o.amount, o.currency, o.expected_close_date,
                       o.stage_entered_at, o.last_activity_at, o.last_movement_at, s.stall_days, o.owner_id, o.org_path
                """ + from + " ORDER BY o.last_movement_at, o.id LIMIT ? OFFSET ?",
                (rs, n) -> deal(rs, now), pageArgs.toArray());
        return new PageImpl<>(content, pageable, total == null ? 0 : total);
    }

    private static StalledDeal deal(ResultSet rs, Instant now) throws SQLException {
        Instant lastMovement = rs.getTimestamp("last_movement_at").toInstant();
        Timestamp lastActivity = rs.getTimestamp("last_activity_at");
        return new StalledDeal(rs.getString("id"), rs.getString("name"), rs.getString("customer_id"),
                rs.getString("stage_code"), new Money(rs.getBigDecimal("amount"), rs.getString("currency")),
                rs.getObject("expected_close_date", java.time.LocalDate.class),
                rs.getTimestamp("stage_entered_at").toInstant(),
                lastActivity == null ? null : lastActivity.toInstant(), lastMovement,
                Math.max(0, Duration.between(lastMovement, now).toDays()), rs.getInt("stall_days"),
                rs.getString("owner_id"), rs.getString("org_path"));
    }
}

package io.channelops.customer.task;

import io.channelops.customer.customer.CustomerLevel;
import io.channelops.customer.customer.CustomerStatus;
import io.channelops.platform.security.DataScope;
import io.channelops.platform.security.Ownership;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customers in the caller's data scope nobody has followed up: the last activity (or the registration, when
 * there never was one) lies further back than the days their level allows ({@link FollowUpSettings#days()}), and no
 * task about them is open. Customers that are {@code LOST} or {@code BLACKLISTED} need no follow-up and are left out.
 * Oldest first. Read straight from the {@code customers} and {@code tasks} tables.
 */
@Service
public class NeglectedCustomers {

    private static final List<String> NOT_FOLLOWED_UP = List.of(CustomerStatus.LOST.name(),
            CustomerStatus.BLACKLISTED.name());

    private final JdbcTemplate jdbc;
    private final DataScope scope;
    private final FollowUpSettings settings;
    private final Clock clock;

    public NeglectedCustomers(JdbcTemplate jdbc, DataScope scope, FollowUpSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.settings = settings;
        this.clock = clock;
    }

    /** The neglected customers in scope, optionally of one owner and/or level, oldest first. */
    @Transactional(readOnly = true)
    public Page<NeglectedCustomer> list(@Nullable String ownerId, @Nullable CustomerLevel level, Pageable pageable) {
        Instant now = Instant.now(clock);
        DataScope.Sql inScope = scope.sql("c.owner_id", "c.org_path");
        StringBuilder where = new StringBuilder(inScope.condition());
        List<Object> args = new ArrayList<>(inScope.args());
        where.append(" AND c.status NOT IN (?, ?)");
        args.addAll(NOT_FOLLOWED_UP);
        List<String> perLevel = new ArrayList<>();
        for (CustomerLevel each : CustomerLevel.values()) {
            if (level == null || level == each) {
                perLevel.add("(c.level = ? AND COALESCE(c.last_activity_at, c.created_at) < ?)");
                args.add(each.name());
                args.add(Timestamp.from(now.minus(Duration.ofDays(settings.daysFor(each)))));
            }
        }
        where.append(" AND (").append(String.join(" OR ", perLevel)).append(")");
        where.append(" AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.customer_id = c.id AND t.status = ?)");
        args.add(TaskStatus.OPEN.name());
        if (ownerId != null) {
            where.append(" AND c.owner_id = ?");
            args.add(ownerId);
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM customers c WHERE " + where, Long.class,
                args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(pageable.getPageSize());
        pageArgs.add(pageable.getOffset());
        List<NeglectedCustomer> content = jdbc.query("""
                SELECT c.id, c.code, c.name, c.level, c.status, c.owner_id, c.org_path, c.last_activity_at,
                       COALESCE(c.last_activity_at, c.created_at) AS last_touch_at
                  FROM customers c
                 WHERE %s
                 ORDER BY COALESCE(c.last_activity_at, c.created_at), c.id
                 LIMIT ? OFFSET ?""".formatted(where), (rs, n) -> row(rs, now), pageArgs.toArray());
        return new PageImpl<>(content, pageable, total == null ? 0 : total);
    }

    private NeglectedCustomer row(ResultSet rs, Instant now) throws SQLException {
        CustomerLevel level = CustomerLevel.valueOf(rs.getString("level"));
        Timestamp lastActivity = rs.getTimestamp("last_activity_at");
        Instant lastTouch = rs.getTimestamp("last_touch_at").toInstant();
        return new NeglectedCustomer(rs.getString("id"), rs.getString("code"), rs.getString("name"), level,
                CustomerStatus.valueOf(rs.getString("status")),
                new Ownership(rs.getString("owner_id"), rs.getString("org_path")),
                lastActivity == null ? null : lastActivity.toInstant(), lastTouch,
                Duration.between(lastTouch, now).toDays(), settings.daysFor(level));
    }
}

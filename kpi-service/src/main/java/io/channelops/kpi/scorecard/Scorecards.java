package io.channelops.kpi.scorecard;

import io.channelops.platform.security.DataScope;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * Scorecard queries over the order and payment facts, each one restricted to the facts in the caller's data scope
 * ({@link DataScope#sql}): every sum, count and rank is computed over exactly the facts the caller may see. Collected
 * cash is attributed to a rep through the order fact it pays, so both the payment and that order must be in scope.
 */
@Repository
public class Scorecards {

    private static final RowMapper<Scorecard.OrderTotal> ORDER_TOTAL = (rs, i) -> new Scorecard.OrderTotal(
            rs.getString("currency"), rs.getBigDecimal("order_value"), rs.getLong("order_count"));
    private static final RowMapper<Scorecard.CashTotal> CASH_TOTAL = (rs, i) -> new Scorecard.CashTotal(
            rs.getString("currency"), rs.getBigDecimal("cash"));

    private final JdbcTemplate jdbc;
    private final DataScope scope;

    Scorecards(JdbcTemplate jdbc, DataScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    /** Whether the caller's scope holds any fact (order or payment) owned by {@code ownerId}. */
    boolean holdsFactsOwnedBy(String ownerId) {
        DataScope.Sql f = scope.sql("f.owner_id", "f.org_path");
        Boolean found = jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM order_facts f WHERE f.owner_id = ? AND "
                + f.condition() + ") OR EXISTS (SELECT 1 FROM payment_facts f WHERE f.owner_id = ? AND "
                + f.condition() + ")", Boolean.class, args(ownerId, f, ownerId, f));
        return Boolean.TRUE.equals(found);
    }

    /** A rep's approved orders, and the payments of those orders whichever was recorded first. */
    Scorecard ofRep(String repId) {
        DataScope.Sql f = scope.sql("f.owner_id", "f.org_path");
        DataScope.Sql o = scope.sql("o.owner_id", "o.org_path");
        List<Scorecard.OrderTotal> orders = jdbc.query("""
                SELECT f.currency AS currency, SUM(f.total) AS order_value, COUNT(*) AS order_count
                FROM order_facts f WHERE f.sales_rep_id = ? AND %s GROUP BY f.currency"""
                .formatted(f.condition()), ORDER_TOTAL, args(repId, f));
        List<Scorecard.CashTotal> cash = jdbc.query("""
                SELECT f.currency AS currency, SUM(f.amount) AS cash
                FROM payment_facts f JOIN order_facts o ON o.order_id = f.order_id
                WHERE o.sales_rep_id = ? AND %s AND %s GROUP BY f.currency"""
                .formatted(f.condition(), o.condition()), CASH_TOTAL, args(repId, f, o));
        return Scorecard.of(repId, orders, cash);
    }

    /** A customer's approved orders and every payment the customer made, as far as the caller may see them. */
    Scorecard ofCustomer(String customerId) {
        DataScope.Sql f = scope.sql("f.owner_id", "f.org_path");
        List<Scorecard.OrderTotal> orders = jdbc.query("""
                SELECT f.currency AS currency, SUM(f.total) AS order_value, COUNT(*) AS order_count
                FROM order_facts f WHERE f.customer_id = ? AND %s GROUP BY f.currency"""
                .formatted(f.condition()), ORDER_TOTAL, args(customerId, f));
        List<Scorecard.CashTotal> cash = jdbc.query("""
                SELECT f.currency AS currency, SUM(f.amount) AS cash
                FROM payment_facts f WHERE f.customer_id = ? AND %s GROUP BY f.currency"""
                .formatted(f.condition()), CASH_TOTAL, args(customerId, f));
        return Scorecard.of(customerId, orders, cash);
    }

    /**
     * Reps with approved orders in {@code currency} among the facts the caller may see, highest approved order value
     * first, ties by rep id. Ranks, totals and the count are those of the caller's view.
     */
    Page<RepStanding> leaderboard(String currency, Pageable pageable) {
        DataScope.Sql f = scope.sql("f.owner_id", "f.org_path");
        DataScope.Sql o = scope.sql("o.owner_id", "o.org_path");
        Long total = jdbc.queryForObject(
                "SELECT COUNT(DISTINCT f.sales_rep_id) FROM order_facts f WHERE f.currency = ? AND " + f.condition(),
                Long.class, args(currency, f));
        long offset = pageable.getOffset();
        List<RepStanding> content = jdbc.query("""
                SELECT r.sales_rep_id, r.order_value, r.order_count, COALESCE(c.cash, 0) AS cash
                FROM (SELECT f.sales_rep_id, SUM(f.total) AS order_value, COUNT(*) AS order_count
                      FROM order_facts f WHERE f.currency = ? AND %s GROUP BY f.sales_rep_id) r
                LEFT JOIN (SELECT o.sales_rep_id, SUM(f.amount) AS cash
                           FROM payment_facts f JOIN order_facts o ON o.order_id = f.order_id
                           WHERE f.currency = ? AND %s AND %s GROUP BY o.sales_rep_id) c
                       ON c.sales_rep_id = r.sales_rep_id
                ORDER BY r.order_value DESC, r.sales_rep_id
                LIMIT ? OFFSET ?""".formatted(f.condition(), f.condition(), o.condition()),
                (rs, i) -> new RepStanding(offset + i + 1, rs.getString("sales_rep_id"), currency,
                        rs.getBigDecimal("order_value"), rs.getLong("order_count"), rs.getBigDecimal("cash")),
                args(currency, f, currency, f, o, pageable.getPageSize(), offset));
        return new PageImpl<>(content, pageable, total == null ? 0 : total);
    }

    /** Placeholder arguments in order: plain values as they are, a scope condition as its own arguments. */
    private static Object[] args(Object... parts) {
        List<Object> args = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof DataScope.Sql sql) {
                args.addAll(sql.args());
            }
            else {
                args.add(part);
            }
        }
        return args.toArray();
    }
}

package io.channelops.kpi.scorecard;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Scorecard queries over the order and payment facts. */
@Repository
public class Scorecards {

    private static final RowMapper<Scorecard.OrderTotal> ORDER_TOTAL = (rs, i) -> new Scorecard.OrderTotal(
            rs.getString("currency"), rs.getBigDecimal("order_value"), rs.getLong("order_count"));
    private static final RowMapper<Scorecard.CashTotal> CASH_TOTAL = (rs, i) -> new Scorecard.CashTotal(
            rs.getString("currency"), rs.getBigDecimal("cash"));

    private final JdbcTemplate jdbc;

    Scorecards(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A rep's approved orders, and the payments of those orders whichever was recorded first. */
    Scorecard ofRep(String repId) {
        List<Scorecard.OrderTotal> orders = jdbc.query("""
                SELECT currency, SUM(total) AS order_value, COUNT(*) AS order_count
                FROM order_facts WHERE sales_rep_id = ? GROUP BY currency""", ORDER_TOTAL, repId);
        List<Scorecard.CashTotal> cash = jdbc.query("""
                SELECT p.currency AS currency, SUM(p.amount) AS cash
                FROM payment_facts p JOIN order_facts o ON o.order_id = p.order_id
                WHERE o.sales_rep_id = ? GROUP BY p.currency""", CASH_TOTAL, repId);
        return Scorecard.of(repId, orders, cash);
    }

    /** A customer's approved orders and every payment the customer made. */
    Scorecard ofCustomer(String customerId) {
        List<Scorecard.OrderTotal> orders = jdbc.query("""
                SELECT currency, SUM(total) AS order_value, COUNT(*) AS order_count
                FROM order_facts WHERE customer_id = ? GROUP BY currency""", ORDER_TOTAL, customerId);
        List<Scorecard.CashTotal> cash = jdbc.query("""
                SELECT currency, SUM(amount) AS cash
                FROM payment_facts WHERE customer_id = ? GROUP BY currency""", CASH_TOTAL, customerId);
        return Scorecard.of(customerId, orders, cash);
    }

    /** Reps with approved orders in {@code currency}, highest approved order value first, ties by rep id. */
    Page<RepStanding> leaderboard(String currency, Pageable pageable) {
        Long total = jdbc.queryForObject(
                "SELECT COUNT(DISTINCT sales_rep_id) FROM order_facts WHERE currency = ?", Long.class, currency);
        long offset = pageable.getOffset();
        List<RepStanding> content = jdbc.query("""
                SELECT r.sales_rep_id, r.order_value, r.order_count, COALESCE(c.cash, 0) AS cash
                FROM (SELECT sales_rep_id, SUM(total) AS order_value, COUNT(*) AS order_count
                      FROM order_facts WHERE currency = ? GROUP BY sales_rep_id) r
                LEFT JOIN (SELECT o.sales_rep_id, SUM(p.amount) AS cash
                           FROM payment_facts p JOIN order_facts o ON o.order_id = p.order_id
                           WHERE p.currency = ? GROUP BY o.sales_rep_id) c ON c.sales_rep_id = r.sales_rep_id
                ORDER BY r.order_value DESC, r.sales_rep_id
                LIMIT ? OFFSET ?""",
                (rs, i) -> new RepStanding(offset + i + 1, rs.getString("sales_rep_id"), currency,
                        rs.getBigDecimal("order_value"), rs.getLong("order_count"), rs.getBigDecimal("cash")),
                currency, currency, pageable.getPageSize(), offset);
        return new PageImpl<>(content, pageable, total == null ? 0 : total);
    }
}

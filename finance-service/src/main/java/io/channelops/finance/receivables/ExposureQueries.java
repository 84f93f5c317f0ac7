package io.channelops.finance.receivables;

import io.channelops.platform.security.DataScope;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The two sums a customer's exposure is made of, in one currency, over the rows a {@link Rows} filter
 * lets through: everything for the credit rule, the caller's data scope for what a caller is shown.
 * (Native SQL through JdbcTemplate so the data-scope condition can be ANDed in.)
 */
@Component
class ExposureQueries {

    /** Which rows count: a SQL condition (with its arguments) over the table with the given alias. */
    @FunctionalInterface
    interface Rows {
        DataScope.Sql where(String alias);
    }

    /** No filter: every row counts. */
    static final Rows EVERY_ROW = alias -> new DataScope.Sql("1 = 1", List.of());

    private final JdbcTemplate jdbc;

    ExposureQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Σ open balance of the customer's open invoices in {@code currency}, but those of {@code excludedOrderId}. */
    BigDecimal openBalanceOf(String customerId, String currency, String excludedOrderId, Rows rows) {
        DataScope.Sql invoices = rows.where("i");
        List<Object> args = new ArrayList<>(List.of(customerId, currency, excludedOrderId));
        args.addAll(invoices.args());
        return sum("""
                SELECT COALESCE(SUM(i.total - i.paid_amount), 0) FROM invoices i
                WHERE i.customer_id = ? AND i.currency = ? AND i.status = 'OPEN' AND i.order_id <> ?
                  AND\s""" + invoices.condition(), args);
    }

    /**
     * Σ over the customer's approved orders in {@code currency} (but {@code excludedOrderId}) of
     * max(0, order total − Σ invoiced for that order in the same currency); the invoices subtracted
     * pass the same filter as the orders.
     */
    BigDecimal notInvoicedOf(String customerId, String currency, String excludedOrderId, Rows rows) {
        DataScope.Sql invoices = rows.where("i");
        DataScope.Sql orders = rows.where("o");
        List<Object> args = new ArrayList<>(invoices.args());
        args.addAll(List.of(customerId, currency, excludedOrderId));
        args.addAll(orders.args());
        return sum("""
                SELECT COALESCE(SUM(GREATEST(o.total - COALESCE((SELECT SUM(i.total) FROM invoices i
                                                                 WHERE i.order_id = o.order_id
                                                                   AND i.currency = o.currency
                                                                   AND\s""" + invoices.condition() + """
                ), 0), 0)), 0)
                FROM approved_orders o
                WHERE o.customer_id = ? AND o.currency = ? AND o.order_id <> ? AND\s""" + orders.condition(), args);
    }

    private BigDecimal sum(String sql, List<Object> args) {
        BigDecimal sum = jdbc.queryForObject(sql, BigDecimal.class, args.toArray());
        return sum == null ? BigDecimal.ZERO : sum;
    }
}

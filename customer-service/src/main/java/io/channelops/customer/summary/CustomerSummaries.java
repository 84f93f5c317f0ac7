package io.channelops.customer.summary;

import io.channelops.customer.customer.Customer;
import io.channelops.customer.customer.CustomerService;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the customer 360 summary: the customer as the caller may see it (404 otherwise) plus the read model kept by
 * {@link SummaryProjector}. All totals are summed at read time from per-order, per-invoice and per-payment rows in one
 * consistent snapshot, and everything that depends on the date (year-to-date, overdue, churn) is judged against the
 * clock's "today" in the business time zone, so nothing needs a nightly job.
 */
@Service
public class CustomerSummaries {

    /** Status of a follow-up task that still needs doing (table {@code tasks}). */
    static final String OPEN_TASK = "OPEN";

    private final CustomerService customers;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SummarySettings settings;

    CustomerSummaries(CustomerService customers, JdbcTemplate jdbc, Clock clock, SummarySettings settings) {
        this.customers = customers;
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
    }

    /** The summary of a customer the caller sees; 404 when it does not exist or lies outside the caller's scope. */
    @Transactional(readOnly = true)
    public CustomerSummary of(String customerId) {
        Customer customer = customers.get(customerId);
        Instant now = Instant.now(clock);
        ZoneId zone = settings.zone();
        LocalDate today = LocalDate.ofInstant(now, zone);
        CustomerSummary.Sales sales = sales(customerId, today);
        CustomerSummary.Receivables receivables = receivables(customerId, today);
        return new CustomerSummary(customer, openTasks(customerId), sales, receivables,
                credit(customerId, receivables, sales.lastOrderAt()), ChurnRule.evaluate(orderDays(customerId), today),
                now, lastEventAt(customerId));
    }

    private long openTasks(String customerId) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM tasks WHERE customer_id = ? AND status = ?",
                Long.class, customerId, OPEN_TASK);
        return count == null ? 0 : count;
    }

    private CustomerSummary.Sales sales(String customerId, LocalDate today) {
        Timestamp startOfYear = Timestamp.from(today.withDayOfYear(1).atStartOfDay(settings.zone()).toInstant());
        List<Amount> lifetime = new ArrayList<>();
        List<Amount> yearToDate = new ArrayList<>();
        long[] count = {0};
        Instant[] last = {null};
        jdbc.query("""
                SELECT currency, COUNT(*) AS orders, SUM(total) AS lifetime, MAX(approved_at) AS last_approved,
                       SUM(CASE WHEN approved_at >= ? THEN 1 ELSE 0 END) AS orders_this_year,
                       SUM(CASE WHEN approved_at >= ? THEN total ELSE 0 END) AS this_year
                FROM summary_orders WHERE customer_id = ?
                GROUP BY currency ORDER BY currency""", (ResultSet rs) -> {
            String currency = rs.getString("currency");
            count[0] += rs.getLong("orders");
            lifetime.add(amount(rs.getBigDecimal("lifetime"), currency));
            if (rs.getLong("orders_this_year") > 0) {
                yearToDate.add(amount(rs.getBigDecimal("this_year"), currency));
            }
            Instant approved = instant(rs, "last_approved");
            if (approved != null && (last[0] == null || approved.isAfter(last[0]))) {
                last[0] = approved;
            }
        }, startOfYear, startOfYear, customerId);
        return new CustomerSummary.Sales(last[0], count[0], lifetime, today.getYear(), yearToDate);
    }

    private CustomerSummary.Receivables receivables(String customerId, LocalDate today) {
        List<Amount> open = new ArrayList<>();
        List<Amount> overdue = new ArrayList<>();
        long[] invoices = {0, 0};
        jdbc.query("""
                SELECT currency, COUNT(*) AS invoices, SUM(remaining) AS open_balance,
                       SUM(CASE WHEN due_date < ? THEN 1 ELSE 0 END) AS overdue_invoices,
                       SUM(CASE WHEN due_date < ? THEN remaining ELSE 0 END) AS overdue_balance
                FROM (SELECT i.currency, i.due_date,
                             i.total - (SELECT COALESCE(SUM(p.amount), 0) FROM summary_payments p
                                        WHERE p.invoice_id = i.invoice_id) AS remaining
                      FROM summary_invoices i
                      WHERE i.customer_id = ? AND i.settled_at IS NULL AND i.total IS NOT NULL) unpaid
                WHERE remaining > 0
                GROUP BY currency ORDER BY currency""", (ResultSet rs) -> {
            String currency = rs.getString("currency");
            invoices[0] += rs.getLong("invoices");
            open.add(amount(rs.getBigDecimal("open_balance"), currency));
            long overdueInvoices = rs.getLong("overdue_invoices");
            if (overdueInvoices > 0) {
                invoices[1] += overdueInvoices;
                overdue.add(amount(rs.getBigDecimal("overdue_balance"), currency));
            }
        }, today, today, customerId);
        return new CustomerSummary.Receivables(open, overdue, invoices[0], invoices[1]);
    }

    private CustomerSummary.Credit credit(String customerId, CustomerSummary.Receivables receivables,
            @Nullable Instant lastOrderAt) {
        List<Timestamp> holds = jdbc.queryForList(
                "SELECT MAX(held_at) FROM summary_credit_holds WHERE customer_id = ?", Timestamp.class, customerId);
        Instant lastHold = holds.isEmpty() || holds.getFirst() == null ? null : holds.getFirst().toInstant();
        boolean heldSinceLastOrder = lastHold != null && (lastOrderAt == null || lastHold.isAfter(lastOrderAt));
        List<CustomerSummary.Credit> limits = jdbc.query(
                "SELECT credit_limit, currency, changed_at FROM summary_credit_limits WHERE customer_id = ?",
                (rs, row) -> {
                    Amount limit = amount(rs.getBigDecimal("credit_limit"), rs.getString("currency"));
                    BigDecimal open = receivables.openBalance().stream()
                            .filter(balance -> balance.currency().equals(limit.currency()))
                            .map(Amount::amount).findFirst().orElse(BigDecimal.ZERO);
                    CreditStatus status = open.compareTo(limit.amount()) > 0 ? CreditStatus.OVER_LIMIT
                            : CreditStatus.WITHIN_LIMIT;
                    return new CustomerSummary.Credit(status, limit, instant(rs, "changed_at"), lastHold,
                            heldSinceLastOrder);
                }, customerId);
        return limits.isEmpty()
                ? new CustomerSummary.Credit(CreditStatus.NO_ACCOUNT, null, null, lastHold, heldSinceLastOrder)
                : limits.getFirst();
    }

    /** The business days the customer's most recent orders were approved on. */
    private List<LocalDate> orderDays(String customerId) {
        return jdbc.query("SELECT approved_at FROM summary_orders WHERE customer_id = ? ORDER BY approved_at DESC LIMIT ?",
                (rs, row) -> LocalDate.ofInstant(rs.getTimestamp("approved_at").toInstant(), settings.zone()),
                customerId, settings.churnRecentOrders());
    }

    private @Nullable Instant lastEventAt(String customerId) {
        List<Timestamp> last = jdbc.queryForList("""
                SELECT MAX(recorded_at) FROM (
                    SELECT MAX(recorded_at) AS recorded_at FROM summary_orders WHERE customer_id = ?
                    UNION ALL SELECT MAX(recorded_at) FROM summary_credit_holds WHERE customer_id = ?
                    UNION ALL SELECT MAX(recorded_at) FROM summary_credit_limits WHERE customer_id = ?
                    UNION ALL SELECT MAX(recorded_at) FROM summary_invoices WHERE customer_id = ?
                    UNION ALL SELECT MAX(recorded_at) FROM summary_payments WHERE customer_id = ?) recorded""",
                Timestamp.class, customerId, customerId, customerId, customerId, customerId);
        return last.isEmpty() || last.getFirst() == null ? null : last.getFirst().toInstant();
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** Sums come back with the column's four decimals; shown with what they need, at least two. */
    static Amount amount(BigDecimal amount, String currency) {
        BigDecimal plain = amount.stripTrailingZeros();
        return new Amount(plain.scale() < 2 ? plain.setScale(2) : plain, currency);
    }
}

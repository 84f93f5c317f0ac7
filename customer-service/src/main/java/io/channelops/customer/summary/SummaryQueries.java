package io.channelops.customer.summary;

import io.channelops.customer.customer.Customer;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

/**
 * The summary as a filter of customer lists: "has an overdue balance" means at least one invoice that is not
 * settled, is past its due date (before today in the business time zone) and still has something to be paid after
 * the payments seen so far. The same rule as {@link CustomerSummary.Receivables#hasOverdueBalance()}, in two forms:
 * a JPA {@link Specification} for the customer search, and an SQL condition for queries written in SQL (exports).
 *
 * <pre>{@code
 * spec = spec.and(summaryQueries.hasOverdueBalance(true));
 *
 * String sql = "SELECT id FROM customers c WHERE " + SummaryQueries.overdueBalanceCondition("c.id");
 * jdbc.queryForList(sql, String.class, summaryQueries.today());
 * }</pre>
 */
@Component
public class SummaryQueries {

    private static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    private final Clock clock;
    private final SummarySettings settings;

    SummaryQueries(Clock clock, SummarySettings settings) {
        this.clock = clock;
        this.settings = settings;
    }

    /** Today in the business time zone: the day an invoice must be due before to count as overdue. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(settings.zone()));
    }

    /**
     * Customers with (true) or without (false) an overdue balance as of {@link #today()}.
     */
    public Specification<Customer> hasOverdueBalance(boolean overdue) {
        LocalDate today = today();
        return (root, query, cb) -> {
            Subquery<String> invoices = query.subquery(String.class);
            Root<SummaryInvoice> invoice = invoices.from(SummaryInvoice.class);
            Subquery<BigDecimal> paid = invoices.subquery(BigDecimal.class);
            Root<SummaryPayment> payment = paid.from(SummaryPayment.class);
            paid.select(cb.coalesce(cb.sum(payment.<BigDecimal>get("amount")), BigDecimal.ZERO))
                    .where(cb.equal(payment.get("invoiceId"), invoice.get("invoiceId")));
            invoices.select(invoice.<String>get("invoiceId")).where(
                    cb.equal(invoice.get("customerId"), root.get("id")),
                    cb.isNull(invoice.get("settledAt")),
                    cb.isNotNull(invoice.get("total")),
                    cb.lessThan(invoice.<LocalDate>get("dueDate"), today),
                    cb.greaterThan(invoice.<BigDecimal>get("total"), paid));
            Predicate exists = cb.exists(invoices);
            return overdue ? exists : cb.not(exists);
        };
    }

    /**
     * An SQL condition, true for customers with an overdue balance. It has one parameter, today's date (pass
     * {@link #today()}), and correlates on {@code customerIdColumn}, e.g. {@code "customers.id"} or {@code "c.id"}.
     *
     * @throws IllegalArgumentException when {@code customerIdColumn} is not a plain (qualified) column name
     */
    public static String overdueBalanceCondition(String customerIdColumn) {
        if (!COLUMN.matcher(customerIdColumn).matches()) {
            throw new IllegalArgumentException("Not a column name: " + customerIdColumn);
        }
        return """
                EXISTS (SELECT 1 FROM summary_invoices si
                        WHERE si.customer_id = %s AND si.settled_at IS NULL AND si.total IS NOT NULL
                          AND si.due_date < ?
                          AND si.total > (SELECT COALESCE(SUM(sp.amount), 0) FROM summary_payments sp
                                          WHERE sp.invoice_id = si.invoice_id))""".formatted(customerIdColumn);
    }
}

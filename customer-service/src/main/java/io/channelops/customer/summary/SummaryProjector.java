package io.channelops.customer.summary;

import io.channelops.events.Money;
import io.channelops.events.customer.CustomersMerged;
import io.channelops.events.finance.CreditLimitChanged;
import io.channelops.events.finance.InvoiceIssued;
import io.channelops.events.finance.InvoiceSettled;
import io.channelops.events.finance.PaymentPosted;
import io.channelops.events.order.OrderApproved;
import io.channelops.events.order.OrderCreditHeld;
import io.channelops.platform.inbox.PoisonEventException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the customer 360 read model from consumed events. Each method runs inside the inbox's transaction (see
 * {@link SummaryListener}), so its rows and the inbox row of the event commit together or not at all. Each one is
 * idempotent on its own too: rows are keyed by the natural id of what they record (order, invoice, payment, credit
 * hold), so even a copy of an event under a new event id changes nothing.
 *
 * <p>Events that name a customer merged into another count for the survivor (see {@link #customersMerged}).
 */
@Service
public class SummaryProjector {

    private static final Logger log = LoggerFactory.getLogger(SummaryProjector.class);
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final JdbcTemplate jdbc;
    private final Clock clock;

    SummaryProjector(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** An approved order: counted once per order id; raises the customer's {@code last_order_at}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void orderApproved(OrderApproved event) {
        String customerId = survivorOf(required(event.customerId(), "customerId", event));
        Money total = money(event.total(), "total", event);
        Instant approvedAt = required(event.approvedAt(), "approvedAt", event);
        if (!insert("""
                INSERT INTO summary_orders (order_id, customer_id, order_number, total, currency, approved_at,
                                            recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", required(event.orderId(), "orderId", event), customerId,
                required(event.orderNumber(), "orderNumber", event), total.amount(), total.currency(),
                Timestamp.from(approvedAt), now())) {
            log.info("Order {} is already in the summary; OrderApproved ignored", event.orderId());
            return;
        }
        raiseLastOrderAt(customerId, approvedAt);
    }

    /** An order put on credit hold: kept per order and hold instant. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void orderCreditHeld(OrderCreditHeld event) {
        String customerId = survivorOf(required(event.customerId(), "customerId", event));
        insert("INSERT INTO summary_credit_holds (order_id, held_at, customer_id, recorded_at) VALUES (?, ?, ?, ?)",
                required(event.orderId(), "orderId", event),
                Timestamp.from(required(event.heldAt(), "heldAt", event)), customerId, now());
    }

    /** A credit limit set or changed: a snapshot, the listener applies only the newest version. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void creditLimitChanged(CreditLimitChanged event) {
        // credit accounts are finance-service's, one per customer id: a merged customer's account stays its own,
        // it does not replace the survivor's
        String customerId = required(event.customerId(), "customerId", event);
        Money limit = money(event.creditLimit(), "creditLimit", event);
        Timestamp changedAt = Timestamp.from(required(event.changedAt(), "changedAt", event));
        int updated = jdbc.update("""
                UPDATE summary_credit_limits SET credit_limit = ?, currency = ?, changed_at = ?, recorded_at = ?
                WHERE customer_id = ?""", limit.amount(), limit.currency(), changedAt, now(), customerId);
        if (updated == 0) {
            jdbc.update("""
                    INSERT INTO summary_credit_limits (customer_id, credit_limit, currency, changed_at, recorded_at)
                    VALUES (?, ?, ?, ?, ?)""", customerId, limit.amount(), limit.currency(), changedAt, now());
        }
    }

    /** An invoice issued: fills in its row (which a settlement that came first may have started). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void invoiceIssued(InvoiceIssued event) {
        String customerId = survivorOf(required(event.customerId(), "customerId", event));
        String invoiceId = required(event.invoiceId(), "invoiceId", event);
        Money total = money(event.total(), "total", event);
        LocalDate dueDate = required(event.dueDate(), "dueDate", event);
        Timestamp issuedAt = Timestamp.from(required(event.issuedAt(), "issuedAt", event));
        int updated = jdbc.update("""
                UPDATE summary_invoices SET customer_id = ?, order_id = ?, invoice_number = ?, total = ?,
                       currency = ?, due_date = ?, issued_at = ?, recorded_at = ?
                WHERE invoice_id = ?""", customerId, required(event.orderId(), "orderId", event),
                event.invoiceNumber(), total.amount(), total.currency(), dueDate, issuedAt, now(), invoiceId);
        if (updated == 0) {
            jdbc.update("""
                    INSERT INTO summary_invoices (invoice_id, customer_id, order_id, invoice_number, total, currency,
                                                  due_date, issued_at, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", invoiceId, customerId, event.orderId(),
                    event.invoiceNumber(), total.amount(), total.currency(), dueDate, issuedAt, now());
        }
    }

    /** An invoice paid in full: no longer part of the open balance, whatever payments have been seen. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void invoiceSettled(InvoiceSettled event) {
        String invoiceId = required(event.invoiceId(), "invoiceId", event);
        Timestamp settledAt = Timestamp.from(required(event.settledAt(), "settledAt", event));
        int updated = jdbc.update("UPDATE summary_invoices SET settled_at = ?, recorded_at = ? WHERE invoice_id = ?",
                settledAt, now(), invoiceId);
        if (updated == 0) {
            jdbc.update("""
                    INSERT INTO summary_invoices (invoice_id, customer_id, order_id, settled_at, recorded_at)
                    VALUES (?, ?, ?, ?, ?)""", invoiceId,
                    survivorOf(required(event.customerId(), "customerId", event)),
                    required(event.orderId(), "orderId", event), settledAt, now());
        }
    }

    /**
     * A payment allocated to an invoice: kept on its own, keyed by payment id. An invoice's paid amount is the sum of
     * its payments when the summary is read, so a payment that arrives before its invoice is not lost.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void paymentPosted(PaymentPosted event) {
        String customerId = survivorOf(required(event.customerId(), "customerId", event));
        Money amount = money(event.amount(), "amount", event);
        insert("""
                INSERT INTO summary_payments (payment_id, invoice_id, customer_id, amount, currency, posted_at,
                                              recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", required(event.paymentId(), "paymentId", event),
                required(event.invoiceId(), "invoiceId", event), customerId, amount.amount(), amount.currency(),
                Timestamp.from(required(event.postedAt(), "postedAt", event)), now());
    }

    /**
     * Folds the merged customer's summary into the survivor's, in the merge's own transaction: its orders, credit
     * holds, invoices and payments count for the survivor from now on, and so do events that still name the merged
     * customer. The survivor's {@code last_order_at} becomes the later of the two. Credit limits are not moved: they
     * belong to finance-service's credit account of each customer id.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void customersMerged(CustomersMerged event) {
        String survivor = event.survivingCustomerId();
        String merged = event.mergedCustomerId();
        if (survivor.equals(merged)) {
            return;
        }
        // first the alias: a consumer resolving the merged id waits for this transaction (see survivorOf), so an
        // event it applies afterwards goes to the survivor, and one it applied before is moved below
        jdbc.update("UPDATE summary_merged_customers SET surviving_customer_id = ? WHERE surviving_customer_id = ?",
                survivor, merged);
        jdbc.update("DELETE FROM summary_merged_customers WHERE merged_customer_id = ?", survivor);
        int aliased = jdbc.update("""
                UPDATE summary_merged_customers SET surviving_customer_id = ?, merged_at = ?
                WHERE merged_customer_id = ?""", survivor, Timestamp.from(event.mergedAt()), merged);
        if (aliased == 0) {
            jdbc.update("""
                    INSERT INTO summary_merged_customers (merged_customer_id, surviving_customer_id, merged_at)
                    VALUES (?, ?, ?)""", merged, survivor, Timestamp.from(event.mergedAt()));
        }
        for (String table : List.of("summary_orders", "summary_credit_holds", "summary_invoices",
                "summary_payments")) {
            jdbc.update("UPDATE " + table + " SET customer_id = ? WHERE customer_id = ?", survivor, merged);
        }
        List<Timestamp> last = jdbc.queryForList("SELECT MAX(approved_at) FROM summary_orders WHERE customer_id = ?",
                Timestamp.class, survivor);
        if (!last.isEmpty() && last.getFirst() != null) {
            raiseLastOrderAt(survivor, last.getFirst().toInstant());
        }
        log.info("Customer summary of {} folded into {}", merged, survivor);
    }

    /**
     * The customer an event's customer id counts for now: the survivor when it was merged into another, else
     * itself. A locking read, so it waits for a merge in progress instead of reading around it.
     */
    private String survivorOf(String customerId) {
        List<String> survivor = jdbc.queryForList(
                "SELECT surviving_customer_id FROM summary_merged_customers WHERE merged_customer_id = ? FOR UPDATE",
                String.class, customerId);
        return survivor.isEmpty() ? customerId : survivor.getFirst();
    }

    /** Keeps {@code customers.last_order_at} at the latest approval seen (events may arrive in any order). */
    private void raiseLastOrderAt(String customerId, Instant approvedAt) {
        Timestamp at = Timestamp.from(approvedAt);
        jdbc.update("UPDATE customers SET last_order_at = ? WHERE id = ? AND (last_order_at IS NULL OR last_order_at < ?)",
                at, customerId, at);
    }

    /** @return false when a row with that key is already there */
    private boolean insert(String sql, Object... args) {
        try {
            jdbc.update(sql, args);
            return true;
        }
        catch (DuplicateKeyException duplicate) {
            return false;
        }
    }

    private Timestamp now() {
        return Timestamp.from(Instant.now(clock));
    }

    /** A payload without a required field, or with a money amount that is not one, can never be applied. */
    private static <T> T required(@Nullable T value, String field, Object event) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw new PoisonEventException(event.getClass().getSimpleName() + " has no " + field, null);
        }
        return value;
    }

    private static Money money(@Nullable Money money, String field, Object event) {
        Money value = required(money, field, event);
        required(value.amount(), field + ".amount", event);
        String currency = required(value.currency(), field + ".currency", event);
        if (!CURRENCY.matcher(currency).matches()) {
            throw new PoisonEventException(event.getClass().getSimpleName() + " has " + field
                    + " in an unknown currency: " + currency, null);
        }
        return value;
    }
}

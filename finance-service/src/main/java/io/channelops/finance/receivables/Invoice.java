package io.channelops.finance.receivables;

import io.channelops.events.finance.InvoiceIssued;
import io.channelops.events.finance.InvoiceSettled;
import io.channelops.finance.money.Money;
import io.channelops.platform.persistence.AggregateRoot;
import io.channelops.platform.security.Ownership;
import io.channelops.platform.web.ApiProblem;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;
import org.jspecify.annotations.Nullable;

/**
 * An invoice for one dispatched shipment. Issued {@code OPEN} with {@link InvoiceIssued}; payments
 * are allocated to it up to its total, and when it is paid in full it becomes {@code PAID} and
 * raises {@link InvoiceSettled}.
 *
 * <p>Owned like the order it bills (its sales rep and org path): a rep sees the invoices of their own
 * orders, a manager those of their org subtree.
 */
@Entity
@Table(name = "invoices")
public class Invoice extends AggregateRoot<Invoice> {

    /** Days from the issue date to the due date. */
    public static final int PAYMENT_TERM_DAYS = 30;

    @Id
    private String id;

    @Column(nullable = false, unique = true)
    private String number;

    @Column(name = "order_id", nullable = false)
    private String orderId;

    @Column(name = "customer_id", nullable = false)
    private String customerId;

    @Column(name = "shipment_id", nullable = false, unique = true)
    private String shipmentId;

    @Column(nullable = false, precision = 19, scale = 2)
    private BigDecimal total;

    @Column(name = "paid_amount", nullable = false, precision = 19, scale = 2)
    private BigDecimal paidAmount;

    @Column(nullable = false, columnDefinition = "char(3)")
    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InvoiceStatus status;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;

    @Column(name = "settled_at")
    private @Nullable Instant settledAt;

    @Embedded
    private Ownership ownership;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "invoice_lines", joinColumns = @JoinColumn(name = "invoice_id"))
    @OrderBy("lineNo")
    @BatchSize(size = 50)
    private List<InvoiceLine> lines = new ArrayList<>();

    protected Invoice() {
        // for JPA
        this.id = "";
        this.number = "";
        this.orderId = "";
        this.customerId = "";
        this.shipmentId = "";
        this.total = BigDecimal.ZERO;
        this.paidAmount = BigDecimal.ZERO;
        this.currency = "XXX";
        this.status = InvoiceStatus.OPEN;
        this.issuedAt = Instant.EPOCH;
        this.dueDate = LocalDate.EPOCH;
        this.ownership = new Ownership("system", "/hq");
    }

    /** A line to invoice: a quantity of a product at a unit price. */
    public record LineItem(String productId, long quantity, BigDecimal unitPrice) {
    }

    /**
     * Issues an invoice for a shipment: each line's amount is {@code quantity × unitPrice} rounded
     * half up to two decimals, the total is the sum of the line amounts, due
     * {@value #PAYMENT_TERM_DAYS} days after the issue date (UTC). An invoice of zero is settled at
     * once.
     *
     * @param ownership the order's ownership, which the invoice inherits
     */
    static Invoice issue(String number, String orderId, String customerId, String shipmentId, String currency,
            List<LineItem> items, Ownership ownership, Instant now) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("An invoice needs at least one line");
        }
        Invoice invoice = new Invoice();
        invoice.id = UUID.randomUUID().toString();
        invoice.number = number;
        invoice.orderId = orderId;
        invoice.customerId = customerId;
        invoice.shipmentId = shipmentId;
        invoice.currency = currency;
        invoice.ownership = ownership;
        Money total = Money.zero(currency);
        int lineNo = 1;
        for (LineItem item : items) {
            if (item.quantity() <= 0) {
                throw new IllegalArgumentException("Quantity must be positive: " + item.quantity());
            }
            if (item.unitPrice().signum() < 0) {
                throw new IllegalArgumentException("Unit price must not be negative: " + item.unitPrice());
            }
            Money amount = Money.times(item.unitPrice(), item.quantity(), currency);
            invoice.lines.add(new InvoiceLine(lineNo++, item.productId(), item.quantity(), item.unitPrice(),
                    amount.amount()));
            total = total.plus(amount);
        }
        invoice.total = total.amount();
        invoice.paidAmount = Money.zero(currency).amount();
        invoice.status = InvoiceStatus.OPEN;
        invoice.issuedAt = now;
        invoice.dueDate = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(PAYMENT_TERM_DAYS);
        invoice.registerEvent(new InvoiceIssued(invoice.id, number, orderId, customerId, shipmentId,
                total.toEvent(), invoice.dueDate, now, ownership.ownerId(), ownership.orgPath()));
        if (!total.greaterThanZero()) {
            invoice.settle(now);
        }
        return invoice;
    }

    /**
     * Allocates a payment to this invoice.
     *
     * @throws ApiProblem 409 {@code INVOICE_ALREADY_PAID} when nothing is open any more, 422
     *         {@code CURRENCY_MISMATCH}, {@code INVALID_PAYMENT_AMOUNT} (not positive) or
     *         {@code OVERPAYMENT} (more than the open balance)
     */
    void applyPayment(Money amount, Instant now) {
        if (status == InvoiceStatus.PAID) {
            throw ApiProblem.conflict("INVOICE_ALREADY_PAID", "Invoice " + number + " is already paid", number);
        }
        if (!amount.currency().equals(currency)) {
            throw ApiProblem.unprocessable("CURRENCY_MISMATCH",
                    "Amount in " + amount.currency() + " does not match the currency " + currency, amount.currency(),
                    currency);
        }
        if (!amount.greaterThanZero()) {
            throw ApiProblem.unprocessable("INVALID_PAYMENT_AMOUNT", "A payment must be greater than zero",
                    amount.amount().toPlainString());
        }
        Money open = openBalance();
        if (amount.exceeds(open)) {
            throw ApiProblem.unprocessable("OVERPAYMENT", "Payment of " + amount + " exceeds the open balance "
                    + open + " of invoice " + number, amount.amount().toPlainString(),
                    open.amount().toPlainString(), currency, number);
        }
        paidAmount = paid().plus(amount).amount();
        if (!openBalance().greaterThanZero()) {
            settle(now);
        }
    }

    private void settle(Instant now) {
        status = InvoiceStatus.PAID;
        settledAt = now;
        registerEvent(new InvoiceSettled(id, orderId, customerId, now));
    }

    /** Events registered and not yet published (for tests of the aggregate's rules). */
    List<Object> pendingEvents() {
        return List.copyOf(domainEvents());
    }

    @Override
    public String getId() {
        return id;
    }

    public String id() {
        return id;
    }

    public String number() {
        return number;
    }

    public String orderId() {
        return orderId;
    }

    public String customerId() {
        return customerId;
    }

    public String shipmentId() {
        return shipmentId;
    }

    public List<InvoiceLine> lines() {
        return List.copyOf(lines);
    }

    public Money total() {
        return Money.of(total, currency);
    }

    public Money paid() {
        return Money.of(paidAmount, currency);
    }

    public Money openBalance() {
        return total().minus(paid());
    }

    public String currency() {
        return currency;
    }

    public InvoiceStatus status() {
        return status;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public @Nullable Instant settledAt() {
        return settledAt;
    }

    /** The order's owner and org path, inherited when the invoice was issued. */
    public Ownership ownership() {
        return ownership;
    }

    public long version() {
        return version;
    }
}

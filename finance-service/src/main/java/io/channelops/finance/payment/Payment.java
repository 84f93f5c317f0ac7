package io.channelops.finance.payment;

import io.channelops.events.finance.PaymentPosted;
import io.channelops.finance.money.Money;
import io.channelops.platform.persistence.AggregateRoot;
import io.channelops.platform.security.Ownership;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Money received from a customer, allocated to one invoice. Raises {@link PaymentPosted} when posted.
 * Owned like its invoice (and so like the order it pays for): whoever may see the invoice may see
 * its payments.
 */
@Entity
@Table(name = "payments")
public class Payment extends AggregateRoot<Payment> {

    @Id
    private String id;

    @Column(name = "customer_id", nullable = false)
    private String customerId;

    @Column(name = "invoice_id", nullable = false)
    private String invoiceId;

    @Column(name = "order_id", nullable = false)
    private String orderId;

    @Column(nullable = false, precision = 19, scale = 2)
    private BigDecimal amount;

    @Column(nullable = false, columnDefinition = "char(3)")
    private String currency;

    private @Nullable String reference;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PaymentStatus status;

    @Column(name = "posted_at", nullable = false)
    private Instant postedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Embedded
    private Ownership ownership;

    @Version
    private long version;

    protected Payment() {
        // for JPA
        this.id = "";
        this.customerId = "";
        this.invoiceId = "";
        this.orderId = "";
        this.amount = BigDecimal.ZERO;
        this.currency = "XXX";
        this.status = PaymentStatus.POSTED;
        this.postedAt = Instant.EPOCH;
        this.createdAt = Instant.EPOCH;
        this.ownership = new Ownership("system", "/hq");
    }

    /**
     * Posts a payment already allocated to its invoice.
     *
     * @param ownership the invoice's ownership, which the payment inherits
     */
    static Payment post(String customerId, String invoiceId, String orderId, Money amount, @Nullable String reference,
            Ownership ownership, Instant now) {
        if (!amount.greaterThanZero()) {
            throw new IllegalArgumentException("A payment must be greater than zero: " + amount);
        }
        Payment payment = new Payment();
        payment.id = UUID.randomUUID().toString();
        payment.customerId = customerId;
        payment.invoiceId = invoiceId;
        payment.orderId = orderId;
        payment.amount = amount.amount();
        payment.currency = amount.currency();
        payment.reference = reference;
        payment.status = PaymentStatus.POSTED;
        payment.postedAt = now;
        payment.createdAt = now;
        payment.ownership = ownership;
        payment.registerEvent(new PaymentPosted(payment.id, customerId, invoiceId, orderId, amount.toEvent(), now,
                ownership.ownerId(), ownership.orgPath()));
        return payment;
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

    public String customerId() {
        return customerId;
    }

    public String invoiceId() {
        return invoiceId;
    }

    public String orderId() {
        return orderId;
    }

    public Money amount() {
        return Money.of(amount, currency);
    }

    public @Nullable String reference() {
        return reference;
    }

    public PaymentStatus status() {
        return status;
    }

    public Instant postedAt() {
        return postedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The invoice's owner and org path, inherited when the payment was posted. */
    public Ownership ownership() {
        return ownership;
    }

    public long version() {
        return version;
    }
}

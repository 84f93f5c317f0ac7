package io.channelops.finance.receivables;

import io.channelops.finance.money.Money;
import io.channelops.platform.security.Ownership;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An order order-service approved: until it is invoiced in full, what is not invoiced yet counts
 * towards the customer's credit exposure. Written once per order id, whatever the event id.
 * Keeps the order's ownership (its sales rep and org path): the order's invoices inherit it, and the
 * exposure a caller is shown counts only the approved orders in the caller's data scope.
 */
@Entity
@Table(name = "approved_orders")
public class ApprovedOrder {

    @Id
    @Column(name = "order_id")
    private String orderId;

    @Column(name = "customer_id", nullable = false)
    private String customerId;

    @Column(nullable = false, precision = 19, scale = 2)
    private BigDecimal total;

    @Column(nullable = false, columnDefinition = "char(3)")
    private String currency;

    @Column(name = "approved_at", nullable = false)
    private Instant approvedAt;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Embedded
    private Ownership ownership;

    protected ApprovedOrder() {
        // for JPA
        this.orderId = "";
        this.customerId = "";
        this.total = BigDecimal.ZERO;
        this.currency = "XXX";
        this.approvedAt = Instant.EPOCH;
        this.recordedAt = Instant.EPOCH;
        this.ownership = new Ownership("system", "/hq");
    }

    ApprovedOrder(String orderId, String customerId, Money total, Ownership ownership, Instant approvedAt,
            Instant recordedAt) {
        this.orderId = orderId;
        this.customerId = customerId;
        this.total = total.amount();
        this.currency = total.currency();
        this.ownership = ownership;
        this.approvedAt = approvedAt;
        this.recordedAt = recordedAt;
    }

    public String orderId() {
        return orderId;
    }

    public String customerId() {
        return customerId;
    }

    public Money total() {
        return Money.of(total, currency);
    }

    public Instant approvedAt() {
        return approvedAt;
    }

    /** The order's owner (its sales rep) and org path, as order-service approved it. */
    public Ownership ownership() {
        return ownership;
    }
}

package io.channelops.customer.summary;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import org.hibernate.annotations.Immutable;

/**
 * Read-only view of the read model's payments for criteria queries ({@link SummaryQueries}); written only by
 * {@link SummaryProjector} with SQL. Never served.
 */
@Entity
@Immutable
@Table(name = "summary_payments")
class SummaryPayment {

    @Id
    @Column(name = "payment_id")
    private String paymentId = "";

    @Column(name = "invoice_id", nullable = false)
    private String invoiceId = "";

    @Column(nullable = false)
    private BigDecimal amount = BigDecimal.ZERO;

    protected SummaryPayment() {
        // for JPA
    }
}

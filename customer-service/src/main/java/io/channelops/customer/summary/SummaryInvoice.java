package io.channelops.customer.summary;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

/**
 * Read-only view of the read model's invoices for criteria queries ({@link SummaryQueries}); written only by
 * {@link SummaryProjector} with SQL. Never served.
 */
@Entity
@Immutable
@Table(name = "summary_invoices")
class SummaryInvoice {

    @Id
    @Column(name = "invoice_id")
    private String invoiceId = "";

    @Column(name = "customer_id", nullable = false)
    private String customerId = "";

    private @Nullable BigDecimal total;

    @Column(name = "due_date")
    private @Nullable LocalDate dueDate;

    @Column(name = "settled_at")
    private @Nullable Instant settledAt;

    protected SummaryInvoice() {
        // for JPA
    }
}

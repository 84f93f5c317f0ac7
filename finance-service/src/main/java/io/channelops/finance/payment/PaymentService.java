package io.channelops.finance.payment;

import io.channelops.finance.money.Money;
import io.channelops.finance.receivables.Invoice;
import io.channelops.finance.receivables.ReceivablesService;
import io.channelops.platform.observability.AfterCommit;
import io.channelops.platform.security.DataScope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of payments: post a payment and allocate it to its invoice, read payments. A payment is
 * owned like its invoice; both must lie in the caller's data scope (else 404).
 */
@Service
public class PaymentService {

    private final Payments payments;
    private final ReceivablesService receivables;
    private final DataScope scope;
    private final Clock clock;
    private final Counter paymentsPosted;

    public PaymentService(Payments payments, ReceivablesService receivables, DataScope scope, Clock clock,
            MeterRegistry meters) {
        this.payments = payments;
        this.receivables = receivables;
        this.scope = scope;
        this.clock = clock;
        this.paymentsPosted = Counter.builder("channelops.payments.posted")
                .description("Payments posted and allocated to an invoice").register(meters);
    }

    /** What a client sends to post a payment. */
    public record Receipt(String customerId, String invoiceId, Money amount, @Nullable String reference) {
    }

    /**
     * Posts a payment and allocates it to the invoice in one transaction: the payment, the invoice's
     * new paid amount and the events ({@code PaymentPosted}, {@code InvoiceSettled} when paid in full)
     * commit together or not at all. The invoice row is locked, so concurrent payments queue and
     * the later ones see what the earlier ones paid. The invoice must lie in the caller's data scope
     * (else 404, as for an unknown invoice); the payment inherits its ownership.
     */
    @Transactional
    public Payment post(Receipt receipt) {
        Instant now = Instant.now(clock);
        Invoice invoice = receivables.allocatePayment(receipt.invoiceId(), receipt.customerId(), receipt.amount(),
                now);
        Payment payment = payments.save(Payment.post(receipt.customerId(), invoice.id(), invoice.orderId(),
                receipt.amount(), receipt.reference(), invoice.ownership(), now));
        AfterCommit.increment(paymentsPosted);
        return payment;
    }

    /** A payment in the caller's data scope; 404 when it does not exist or lies outside it. */
    @Transactional(readOnly = true)
    public Payment get(String id) {
        return scope.visible(payments.findById(id), Payment::ownership, "payment", id);
    }
}

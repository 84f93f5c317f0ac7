package io.channelops.finance.payment;

import io.channelops.finance.money.Money;
import io.channelops.finance.receivables.Invoice;
import io.channelops.finance.receivables.ReceivablesService;
import io.channelops.platform.web.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use cases of payments: post a payment and allocate it to its invoice, read payments. */
@Service
public class PaymentService {

    private final Payments payments;
    private final ReceivablesService receivables;
    private final Clock clock;

    public PaymentService(Payments payments, ReceivablesService receivables, Clock clock) {
        this.payments = payments;
        this.receivables = receivables;
        this.clock = clock;
    }

    /** What a client sends to post a payment. */
    public record Receipt(String customerId, String invoiceId, Money amount, @Nullable String reference) {
    }

    /**
     * Posts a payment and allocates it to the invoice in one transaction: the payment, the invoice's
     * new paid amount and the events ({@code PaymentPosted}, {@code InvoiceSettled} when paid in full)
     * commit together or not at all. The invoice row is locked, so concurrent payments queue and
     * the later ones see what the earlier ones paid.
     */
    @Transactional
    public Payment post(Receipt receipt) {
        Instant now = Instant.now(clock);
        Invoice invoice = receivables.allocatePayment(receipt.invoiceId(), receipt.customerId(), receipt.amount(),
                now);
        return payments.save(Payment.post(receipt.customerId(), invoice.id(), invoice.orderId(), receipt.amount(),
                receipt.reference(), now));
    }

    @Transactional(readOnly = true)
    public Payment get(String id) {
        return payments.findById(id).orElseThrow(() -> ApiProblem.notFound("payment", id));
    }
}

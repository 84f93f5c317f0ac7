package io.channelops.finance.payment.web;

import io.channelops.finance.payment.Payment;
import io.channelops.finance.payment.PaymentService;
import io.channelops.platform.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/payments}: post customers' payments against their invoices ({@code finance:write})
 * and read them ({@code finance:read}). A payment is owned like its invoice; invoices and payments
 * outside the caller's data scope answer 404.
 */
@RestController
@RequestMapping("/api/v1/payments")
@Tag(name = "Payments", description = "Payments received and their allocation to invoices")
class PaymentController {

    private final PaymentService payments;

    PaymentController(PaymentService payments) {
        this.payments = payments;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('finance:write')")
    @Operation(summary = "Post a payment and allocate it to an invoice",
            description = "Needs finance:write. The invoice must be the customer's and in the caller's data scope "
                    + "(else 404), in the same currency (422 "
                    + "CURRENCY_MISMATCH), still open (409 INVOICE_ALREADY_PAID) and the amount no more than its "
                    + "open balance (422 OVERPAYMENT). Raises PaymentPosted, and InvoiceSettled when the invoice "
                    + "is paid in full. Send an Idempotency-Key to make retries safe.")
    ResponseEntity<PaymentResponse> post(@Valid @RequestBody PaymentRequest request,
            @Parameter(description = "Makes a retried create return the first result")
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        Payment payment = payments.post(request.toReceipt());
        return ResponseEntity.created(URI.create("/api/v1/payments/" + payment.id()))
                .eTag(ETags.of(payment.version()))
                .body(PaymentResponse.of(payment));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('finance:read')")
    @Operation(summary = "Read a payment",
            description = "Needs finance:read; 404 when the payment is outside the caller's data scope.")
    ResponseEntity<PaymentResponse> get(@PathVariable String id) {
        Payment payment = payments.get(id);
        return ResponseEntity.ok().eTag(ETags.of(payment.version())).body(PaymentResponse.of(payment));
    }
}

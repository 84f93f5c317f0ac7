package io.channelops.finance.payment.web;

import io.channelops.finance.payment.PaymentService;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Posts a customer's payment against one of its invoices. */
@Schema(example = """
        {"customerId": "3f1c2a9e-7d4b-4e2a-9b1c-0d8e6f5a4b3c", "invoiceId": "6b5a4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d",
         "amount": {"amount": 1280.50, "currency": "CNY"}, "reference": "BANK-20250301-0042"}""")
public record PaymentRequest(
        @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}") String customerId,
        @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}") String invoiceId,
        @NotNull @Valid PaymentAmountRequest amount,
        @Nullable @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*") String reference) {

    PaymentService.Receipt toReceipt() {
        return new PaymentService.Receipt(customerId, invoiceId, amount.toMoney(),
                reference == null ? null : reference.strip());
    }
}

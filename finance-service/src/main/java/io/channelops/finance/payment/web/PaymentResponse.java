package io.channelops.finance.payment.web;

import io.channelops.finance.money.web.MoneyResponse;
import io.channelops.finance.payment.Payment;
import io.channelops.finance.payment.PaymentStatus;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A payment as the API shows it. */
public record PaymentResponse(String id, String customerId, String invoiceId, String orderId, MoneyResponse amount,
        @Nullable String reference, PaymentStatus status, Instant postedAt, Instant createdAt, long version) {

    static PaymentResponse of(Payment payment) {
        return new PaymentResponse(payment.id(), payment.customerId(), payment.invoiceId(), payment.orderId(),
                MoneyResponse.of(payment.amount()), payment.reference(), payment.status(), payment.postedAt(),
                payment.createdAt(), payment.version());
    }
}

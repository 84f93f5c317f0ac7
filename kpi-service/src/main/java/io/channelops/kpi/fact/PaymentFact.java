package io.channelops.kpi.fact;

import io.channelops.events.finance.PaymentPosted;
import io.channelops.platform.security.Ownership;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A posted payment: cash a customer paid against an order. It carries no sales rep; the rep is
 * found at query time through the order's fact, which may be recorded before or after it. It belongs
 * to the owner and org path the event names (finance copies them from the order).
 */
public record PaymentFact(String paymentId, String orderId, String customerId, BigDecimal amount, String currency,
        Instant postedAt, Ownership ownership) {

    /**
     * @throws IllegalArgumentException when the event lacks a value the fact needs or holds one
     *         that cannot be stored
     */
    public static PaymentFact of(@Nullable PaymentPosted event) {
        PaymentPosted posted = FactRules.present(event, "PaymentPosted");
        return new PaymentFact(
                FactRules.id(posted.paymentId(), "paymentId"),
                FactRules.id(posted.orderId(), "orderId"),
                FactRules.id(posted.customerId(), "customerId"),
                FactRules.amount(posted.amount(), "amount"),
                FactRules.currency(posted.amount(), "amount"),
                FactRules.present(posted.postedAt(), "postedAt"),
                new Ownership(FactRules.id(posted.ownerId(), "ownerId"),
                        FactRules.orgPath(posted.orgPath(), "orgPath")));
    }
}

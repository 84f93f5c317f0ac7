package io.channelops.kpi.fact;

import io.channelops.events.order.OrderApproved;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An approved order: who sold what to whom, for how much, and when it was approved. */
public record OrderFact(String orderId, String customerId, String salesRepId, BigDecimal total, String currency,
        Instant approvedAt) {

    /**
     * @throws IllegalArgumentException when the event lacks a value the fact needs or holds one
     *         that cannot be stored (a negative total, more than 2 decimals, a bad currency, an oversize id)
     */
    public static OrderFact of(@Nullable OrderApproved event) {
        OrderApproved approved = FactRules.present(event, "OrderApproved");
        return new OrderFact(
                FactRules.id(approved.orderId(), "orderId"),
                FactRules.id(approved.customerId(), "customerId"),
                FactRules.id(approved.salesRepId(), "salesRepId"),
                FactRules.amount(approved.total(), "total"),
                FactRules.currency(approved.total(), "total"),
                FactRules.present(approved.approvedAt(), "approvedAt"));
    }
}

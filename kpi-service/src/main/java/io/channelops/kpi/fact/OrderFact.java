package io.channelops.kpi.fact;

import io.channelops.events.order.OrderApproved;
import io.channelops.platform.security.Ownership;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An approved order: who sold what to whom, for how much, and when it was approved. It belongs to the order's owner,
 * its sales rep, in the org path the event names.
 */
public record OrderFact(String orderId, String customerId, String salesRepId, BigDecimal total, String currency,
        Instant approvedAt, Ownership ownership) {

    /**
     * @throws IllegalArgumentException when the event lacks a value the fact needs or holds one
     *         that cannot be stored (a negative total, more than 2 decimals, a bad currency, an oversize id,
     *         a missing or malformed org path)
     */
    public static OrderFact of(@Nullable OrderApproved event) {
        OrderApproved approved = FactRules.present(event, "OrderApproved");
        String salesRepId = FactRules.id(approved.salesRepId(), "salesRepId");
        return new OrderFact(
                FactRules.id(approved.orderId(), "orderId"),
                FactRules.id(approved.customerId(), "customerId"),
                salesRepId,
                FactRules.amount(approved.total(), "total"),
                FactRules.currency(approved.total(), "total"),
                FactRules.present(approved.approvedAt(), "approvedAt"),
                new Ownership(salesRepId, FactRules.orgPath(approved.orgPath(), "orgPath")));
    }
}

package io.channelops.order.order;

/**
 * Where an order is in its life:
 * <pre>
 * DRAFT ─submit─▶ APPROVED | CREDIT_HOLD | CREDIT_CHECK_PENDING
 * CREDIT_CHECK_PENDING ─background re-check─▶ APPROVED | CREDIT_HOLD
 * CREDIT_HOLD ─release─▶ APPROVED
 * DRAFT | CREDIT_HOLD | CREDIT_CHECK_PENDING ─cancel─▶ CANCELLED
 * APPROVED ─StockShortage─▶ BACKORDERED
 * APPROVED | BACKORDERED ─ShipmentDispatched covering every line─▶ SHIPPED
 * </pre>
 */
public enum OrderStatus {
    DRAFT, CREDIT_CHECK_PENDING, CREDIT_HOLD, APPROVED, BACKORDERED, SHIPPED, CANCELLED
}

package io.channelops.logistics.stock;

/** Why a stock level changed. */
public enum MovementType {
    /** Goods came in: on hand grows. */
    RECEIPT,
    /** Stock was set aside for an order: reserved grows, on hand stays. */
    RESERVATION,
    /** Reserved goods left the warehouse: on hand and reserved both drop. */
    DISPATCH
}

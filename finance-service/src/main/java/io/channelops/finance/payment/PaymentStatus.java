package io.channelops.finance.payment;

/**
 * Where a payment stands. In this version a payment is posted and allocated as soon as it is
 * entered; review and approval before posting will add states ahead of {@code POSTED}.
 */
public enum PaymentStatus {
    POSTED
}

package io.channelops.logistics.reservation;

/** The outcome of reserving an approved order. */
public enum ReservationStatus {
    /** Every line is reserved; shipments are READY. */
    RESERVED,
    /** Not enough stock: nothing is reserved and the order waits for stock. */
    BACKORDERED
}

package io.channelops.logistics.shipment;

/** Where a shipment is in its life. */
public enum ShipmentStatus {
    /** Stock is reserved; the goods may be picked and dispatched. */
    READY,
    /** The goods left the warehouse. */
    DISPATCHED
}

package io.channelops.events.logistics;

/** Quantity of one product reserved (or missing) in one warehouse. */
public record ReservedLine(String productId, String warehouseId, long quantity) {
}

package io.channelops.logistics.stock.web;

import io.channelops.logistics.stock.StockMovement;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A receipt (a ledger entry of type RECEIPT) with the warehouse's on-hand quantity right after it. */
public record ReceiptResponse(String id, String warehouseId, String productId, long quantity,
        @Nullable String reference, long onHandAfter, Instant receivedAt) {

    static ReceiptResponse of(StockMovement movement) {
        return new ReceiptResponse(movement.id(), movement.warehouseId(), movement.productId(), movement.quantity(),
                movement.reference(), movement.onHandAfter(), movement.occurredAt());
    }
}

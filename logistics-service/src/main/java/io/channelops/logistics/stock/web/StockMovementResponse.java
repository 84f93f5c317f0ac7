package io.channelops.logistics.stock.web;

import io.channelops.logistics.stock.MovementType;
import io.channelops.logistics.stock.StockMovement;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One ledger entry: what changed, by how much, and the level right after it. */
public record StockMovementResponse(String id, String warehouseId, String productId, MovementType type,
        long quantity, long onHandChange, long reservedChange, long onHandAfter, long reservedAfter,
        @Nullable String reference, Instant occurredAt) {

    static StockMovementResponse of(StockMovement m) {
        return new StockMovementResponse(m.id(), m.warehouseId(), m.productId(), m.type(), m.quantity(),
                m.onHandChange(), m.reservedChange(), m.onHandAfter(), m.reservedAfter(), m.reference(),
                m.occurredAt());
    }
}

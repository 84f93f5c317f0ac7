package io.channelops.logistics.stock.web;

import io.channelops.logistics.stock.StockService;
import java.time.Instant;

/** Stock of one product in one warehouse: {@code available = onHand - reserved}. */
public record StockLevelResponse(String warehouseId, String warehouseCode, String productId, long onHand,
        long reserved, long available, Instant updatedAt) {

    static StockLevelResponse of(StockService.Level view) {
        var level = view.level();
        return new StockLevelResponse(level.warehouseId(), view.warehouseCode(), level.productId(), level.onHand(),
                level.reserved(), level.available(), level.updatedAt());
    }
}

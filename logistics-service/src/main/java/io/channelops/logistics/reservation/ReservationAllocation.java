package io.channelops.logistics.reservation;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A quantity of one order line reserved in one warehouse. */
@Embeddable
public record ReservationAllocation(
        @Column(name = "line_no", nullable = false) int lineNo,
        @Column(name = "product_id", nullable = false) String productId,
        @Column(name = "warehouse_id", nullable = false) String warehouseId,
        @Column(nullable = false) long quantity) {
}

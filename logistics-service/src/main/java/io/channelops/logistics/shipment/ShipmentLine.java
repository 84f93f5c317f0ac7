package io.channelops.logistics.shipment;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** A quantity of one order line shipped from the shipment's warehouse, at the order's unit price. */
@Embeddable
public record ShipmentLine(
        @Column(name = "line_no", nullable = false) int lineNo,
        @Column(name = "product_id", nullable = false) String productId,
        @Column(nullable = false) long quantity,
        @Column(name = "unit_price", nullable = false, precision = 19, scale = 2) BigDecimal unitPrice) {

    public ShipmentLine {
        if (quantity < 1) {
            throw new IllegalArgumentException("A shipment line ships at least one unit, not " + quantity);
        }
        if (unitPrice.signum() < 0) {
            throw new IllegalArgumentException("A unit price is never negative: " + unitPrice);
        }
    }
}

package io.channelops.logistics.reservation;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** An order line as approved: kept so a backordered order can be tried again when stock arrives. */
@Embeddable
public record ReservationLine(
        @Column(name = "line_no", nullable = false) int lineNo,
        @Column(name = "product_id", nullable = false) String productId,
        @Column(nullable = false) long quantity,
        @Column(name = "unit_price", nullable = false, precision = 19, scale = 2) BigDecimal unitPrice) {
}

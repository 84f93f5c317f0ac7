package io.channelops.logistics.shipment.web;

import io.channelops.logistics.shipment.Shipment;
import io.channelops.logistics.shipment.ShipmentStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A shipment as the API shows it. */
public record ShipmentResponse(String id, String orderId, String customerId, String warehouseId,
        ShipmentStatus status, List<Line> lines, Money total, Instant createdAt, @Nullable Instant dispatchedAt,
        long version) {

    /** One line: the order line it ships, how many, at which unit price. */
    public record Line(int lineNo, String productId, long quantity, Money unitPrice) {
    }

    static ShipmentResponse of(Shipment shipment) {
        String currency = shipment.currency();
        return new ShipmentResponse(shipment.id(), shipment.orderId(), shipment.customerId(),
                shipment.warehouseId(), shipment.status(),
                shipment.lines().stream().map(l -> new Line(l.lineNo(), l.productId(), l.quantity(),
                        money(l.unitPrice(), currency))).toList(),
                money(shipment.total(), currency), shipment.createdAt(), shipment.dispatchedAt(),
                shipment.version());
    }

    private static Money money(BigDecimal amount, String currency) {
        return new Money(amount, currency);
    }
}

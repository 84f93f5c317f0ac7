package io.channelops.events.logistics;

import io.channelops.events.DomainEvent;
import io.channelops.events.Published;
import io.channelops.events.Topics;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A shipment left its warehouse. Lines carry the order's unit prices so finance can invoice them. */
@Published(topic = Topics.SHIPMENTS, service = "logistics")
public record ShipmentDispatched(String shipmentId, String orderId, String customerId, String warehouseId,
        List<Line> lines, String currency, Instant dispatchedAt, String ownerId, String orgPath)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return shipmentId;
    }

    /** One dispatched line. */
    public record Line(String productId, long quantity, BigDecimal unitPrice) {
    }
}

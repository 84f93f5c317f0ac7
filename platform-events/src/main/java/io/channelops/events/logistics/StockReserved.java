package io.channelops.events.logistics;

import io.channelops.events.DomainEvent;
import io.channelops.events.Published;
import io.channelops.events.Topics;
import java.time.Instant;
import java.util.List;

/** Stock for every line of an approved order was reserved; keyed by order id. */
@Published(topic = Topics.RESERVATIONS, service = "logistics")
public record StockReserved(String orderId, List<ReservedLine> lines, Instant reservedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return orderId;
    }
}

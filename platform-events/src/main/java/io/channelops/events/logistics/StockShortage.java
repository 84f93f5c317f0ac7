package io.channelops.events.logistics;

import io.channelops.events.DomainEvent;
import io.channelops.events.Published;
import io.channelops.events.Topics;
import java.time.Instant;
import java.util.List;

/** An approved order could not be reserved in full; {@code missing} lists what is short. Keyed by order id. */
@Published(topic = Topics.RESERVATIONS, service = "logistics")
public record StockShortage(String orderId, List<ReservedLine> missing, Instant detectedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return orderId;
    }
}

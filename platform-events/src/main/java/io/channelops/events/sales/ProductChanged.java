package io.channelops.events.sales;

import io.channelops.events.DomainEvent;
import io.channelops.events.Money;
import io.channelops.events.Published;
import io.channelops.events.Topics;
import java.time.Instant;

/** A product was created or changed; carries its current state so consumers can keep a copy. */
@Published(topic = Topics.PRODUCTS, service = "sales")
public record ProductChanged(String productId, String sku, String name, Money listPrice, String status,
        Instant changedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return productId;
    }
}

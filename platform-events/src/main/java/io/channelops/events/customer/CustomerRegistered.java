package io.channelops.events.customer;

import io.channelops.events.DomainEvent;
import io.channelops.events.Published;
import io.channelops.events.Topics;
import java.time.Instant;

/** A customer was added to the archive, with its classification ({@code level}, lifecycle {@code status}). */
@Published(topic = Topics.CUSTOMERS, service = "customer")
public record CustomerRegistered(String customerId, String code, String name, String type, String regionCode,
        Instant registeredAt, String ownerId, String orgPath, String level, String status) implements DomainEvent {

    @Override
    public String aggregateId() {
        return customerId;
    }
}

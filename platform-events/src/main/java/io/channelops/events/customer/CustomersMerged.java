package io.channelops.events.customer;

import io.channelops.events.DomainEvent;
import io.channelops.events.Published;
import io.channelops.events.Topics;
import java.time.Instant;

/**
 * A duplicate customer was merged into a surviving one: its contacts, activities and tasks moved there and
 * it no longer exists. Consumers should re-point records of {@code mergedCustomerId} to {@code survivingCustomerId}.
 */
@Published(topic = Topics.CUSTOMERS, service = "customer")
public record CustomersMerged(String survivingCustomerId, String mergedCustomerId, String mergedCode, String mergedBy, Instant mergedAt,
        String ownerId, String orgPath) implements DomainEvent {

    @Override
    public String aggregateId() {
        return survivingCustomerId;
    }
}

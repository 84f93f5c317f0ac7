package io.channelops.events.customer;

import io.channelops.events.DomainEvent;
import io.channelops.events.Published;
import io.channelops.events.Topics;
import java.time.Instant;

/**
 * A customer was handed to another owner, claimed from the open pool, or returned to the open pool of its
 * org unit ({@code toOpenPool}: {@code toOwnerId} is then {@code pool}).
 */
@Published(topic = Topics.CUSTOMERS, service = "customer")
public record CustomerReassigned(String customerId, String fromOwnerId, String fromOrgPath, String toOwnerId, String toOrgPath,
        boolean toOpenPool, String reason, String reassignedBy, Instant reassignedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return customerId;
    }
}

package io.channelops.events.customer;

import io.channelops.events.DomainEvent;
import io.channelops.events.Published;
import io.channelops.events.Topics;
import java.time.Instant;

/**
 * A service case was closed. {@code satisfactionScore} is 1..5, or 0 when the customer gave none;
 * {@code resolutionSlaBreached} tells whether it was resolved after its deadline.
 */
@Published(topic = Topics.CUSTOMER_CASES, service = "customer")
public record CaseClosed(String caseId, String customerId, String priority, String resolution, int satisfactionScore,
        boolean resolutionSlaBreached, Instant closedAt, String ownerId, String orgPath) implements DomainEvent {

    @Override
    public String aggregateId() {
        return caseId;
    }
}

package io.channelops.events.customer;

import io.channelops.events.DomainEvent;
import io.channelops.events.Published;
import io.channelops.events.Topics;
import java.time.Instant;

/** A service case (feedback or complaint) was opened for a customer, with its SLA deadlines. */
@Published(topic = Topics.CUSTOMER_CASES, service = "customer")
public record CaseOpened(String caseId, String customerId, String category, String priority, String subject, Instant openedAt,
        Instant firstResponseDueAt, Instant resolutionDueAt, String ownerId, String orgPath) implements DomainEvent {

    @Override
    public String aggregateId() {
        return caseId;
    }
}

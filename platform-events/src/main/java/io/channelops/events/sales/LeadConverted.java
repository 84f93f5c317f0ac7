package io.channelops.events.sales;

import io.channelops.events.DomainEvent;
import io.channelops.events.Published;
import io.channelops.events.Topics;
import java.time.Instant;

/** A lead was converted: the customer and contact now exist in customer-service and an opportunity was opened. */
@Published(topic = Topics.LEADS, service = "sales")
public record LeadConverted(String leadId, String customerId, String contactId, String opportunityId, String convertedBy,
        Instant convertedAt, String ownerId, String orgPath) implements DomainEvent {

    @Override
    public String aggregateId() {
        return leadId;
    }
}

package io.channelops.events.sales;

import io.channelops.events.DomainEvent;
import io.channelops.events.Published;
import io.channelops.events.Topics;
import java.time.Instant;

/** A lead was qualified: worth pursuing as a deal. {@code band} is HOT, WARM or COLD at that moment. */
@Published(topic = Topics.LEADS, service = "sales")
public record LeadQualified(String leadId, int score, String band, String qualifiedBy, Instant qualifiedAt, String ownerId,
        String orgPath) implements DomainEvent {

    @Override
    public String aggregateId() {
        return leadId;
    }
}

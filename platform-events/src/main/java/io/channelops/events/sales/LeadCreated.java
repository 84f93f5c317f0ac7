package io.channelops.events.sales;

import io.channelops.events.DomainEvent;
import io.channelops.events.Published;
import io.channelops.events.Topics;
import java.time.Instant;

/** A lead was captured (entered by a rep, posted by an integration client, or imported). */
@Published(topic = Topics.LEADS, service = "sales")
public record LeadCreated(String leadId, String source, String campaign, String company, String regionCode, Instant createdAt,
        String ownerId, String orgPath) implements DomainEvent {

    @Override
    public String aggregateId() {
        return leadId;
    }
}

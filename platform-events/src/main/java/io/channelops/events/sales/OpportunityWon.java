package io.channelops.events.sales;

import io.channelops.events.DomainEvent;
import io.channelops.events.Money;
import io.channelops.events.Published;
import io.channelops.events.Topics;
import java.time.Instant;

/** An opportunity was won. */
@Published(topic = Topics.OPPORTUNITIES, service = "sales")
public record OpportunityWon(String opportunityId, String customerId, Money amount, Instant wonAt, String ownerId, String orgPath) implements DomainEvent {

    @Override
    public String aggregateId() {
        return opportunityId;
    }
}

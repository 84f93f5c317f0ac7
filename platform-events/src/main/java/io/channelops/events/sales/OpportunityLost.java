package io.channelops.events.sales;

import io.channelops.events.DomainEvent;
import io.channelops.events.Money;
import io.channelops.events.Published;
import io.channelops.events.Topics;
import java.time.Instant;

/**
 * An opportunity was lost; {@code lossReason} is one of the configured reasons, {@code competitor} empty when
 * unknown.
 */
@Published(topic = Topics.OPPORTUNITIES, service = "sales")
public record OpportunityLost(String opportunityId, String customerId, Money amount, String lossReason, String competitor,
        Instant lostAt, String ownerId, String orgPath) implements DomainEvent {

    @Override
    public String aggregateId() {
        return opportunityId;
    }
}

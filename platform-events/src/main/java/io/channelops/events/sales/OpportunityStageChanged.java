package io.channelops.events.sales;

import io.channelops.events.DomainEvent;
import io.channelops.events.Money;
import io.channelops.events.Published;
import io.channelops.events.Topics;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An opportunity moved to another stage of the pipeline; {@code probability} is the win probability in percent
 * that now applies.
 */
@Published(topic = Topics.OPPORTUNITIES, service = "sales")
public record OpportunityStageChanged(String opportunityId, String customerId, String fromStage, String toStage, int probability,
        Money amount, LocalDate expectedCloseDate, Instant changedAt, String ownerId, String orgPath) implements DomainEvent {

    @Override
    public String aggregateId() {
        return opportunityId;
    }
}

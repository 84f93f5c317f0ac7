package io.channelops.events.customer;

import io.channelops.events.DomainEvent;
import io.channelops.events.Published;
import io.channelops.events.Topics;
import java.time.Instant;

/**
 * A visit, call, e-mail, meeting or note with a customer was recorded. {@code durationMinutes} is 0 when
 * not reported.
 */
@Published(topic = Topics.CUSTOMER_ACTIVITIES, service = "customer")
public record ActivityLogged(String activityId, String customerId, String type, Instant occurredAt, String loggedBy,
        int durationMinutes, String outcome, Instant loggedAt, String ownerId, String orgPath) implements DomainEvent {

    @Override
    public String aggregateId() {
        return activityId;
    }
}

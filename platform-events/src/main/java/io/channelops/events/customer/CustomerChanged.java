package io.channelops.events.customer;

import io.channelops.events.DomainEvent;
import io.channelops.events.Published;
import io.channelops.events.Topics;
import java.time.Instant;
import java.util.List;

/**
 * Classification, name or contact details of a customer changed. {@code changedFields} names the
 * customer fields that changed (request field names); the rest carries the customer's state after the change.
 */
@Published(topic = Topics.CUSTOMERS, service = "customer")
public record CustomerChanged(String customerId, List<String> changedFields, String code, String name, String type, String level,
        String status, String regionCode, Instant changedAt, String ownerId, String orgPath) implements DomainEvent {

    @Override
    public String aggregateId() {
        return customerId;
    }
}

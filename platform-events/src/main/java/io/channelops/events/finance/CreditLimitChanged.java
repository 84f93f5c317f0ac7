package io.channelops.events.finance;

import io.channelops.events.DomainEvent;
import io.channelops.events.Money;
import io.channelops.events.Published;
import io.channelops.events.Topics;
import java.time.Instant;

/** A customer's credit limit was set or changed. */
@Published(topic = Topics.CREDIT_ACCOUNTS, service = "finance")
public record CreditLimitChanged(String customerId, Money creditLimit, Instant changedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return customerId;
    }
}

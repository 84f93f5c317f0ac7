package io.channelops.events.order;

import io.channelops.events.DomainEvent;
import io.channelops.events.Money;
import io.channelops.events.Published;
import io.channelops.events.Topics;
import java.time.Instant;

/** An order was put on credit hold: its amount plus the customer's exposure exceeds the credit limit. */
@Published(topic = Topics.ORDERS, service = "order")
public record OrderCreditHeld(String orderId, String customerId, Money total, String reason, Instant heldAt)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return orderId;
    }
}

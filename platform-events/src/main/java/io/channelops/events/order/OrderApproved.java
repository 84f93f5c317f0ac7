package io.channelops.events.order;

import io.channelops.events.DomainEvent;
import io.channelops.events.Money;
import io.channelops.events.Published;
import io.channelops.events.Topics;
import java.time.Instant;
import java.util.List;

/** An order passed its price and credit gates and may now be fulfilled. */
@Published(topic = Topics.ORDERS, service = "order")
public record OrderApproved(String orderId, String orderNumber, String customerId, String salesRepId,
        List<OrderLine> lines, Money total, Instant approvedAt, String orgPath) implements DomainEvent {

    @Override
    public String aggregateId() {
        return orderId;
    }
}

package io.channelops.events.finance;

import io.channelops.events.DomainEvent;
import io.channelops.events.Money;
import io.channelops.events.Published;
import io.channelops.events.Topics;
import java.time.Instant;

/** A payment was posted and allocated to an invoice. */
@Published(topic = Topics.PAYMENTS, service = "finance")
public record PaymentPosted(String paymentId, String customerId, String invoiceId, String orderId, Money amount,
        Instant postedAt, String ownerId, String orgPath) implements DomainEvent {

    @Override
    public String aggregateId() {
        return paymentId;
    }
}

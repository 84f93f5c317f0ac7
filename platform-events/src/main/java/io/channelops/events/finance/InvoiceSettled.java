package io.channelops.events.finance;

import io.channelops.events.DomainEvent;
import io.channelops.events.Published;
import io.channelops.events.Topics;
import java.time.Instant;

/** An invoice was paid in full. */
@Published(topic = Topics.INVOICES, service = "finance")
public record InvoiceSettled(String invoiceId, String orderId, String customerId, Instant settledAt)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return invoiceId;
    }
}

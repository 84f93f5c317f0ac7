package io.channelops.events.finance;

import io.channelops.events.DomainEvent;
import io.channelops.events.Money;
import io.channelops.events.Published;
import io.channelops.events.Topics;
import java.time.Instant;
import java.time.LocalDate;

/** An invoice was issued for a dispatched shipment. */
@Published(topic = Topics.INVOICES, service = "finance")
public record InvoiceIssued(String invoiceId, String invoiceNumber, String orderId, String customerId,
        String shipmentId, Money total, LocalDate dueDate, Instant issuedAt, String ownerId, String orgPath)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return invoiceId;
    }
}

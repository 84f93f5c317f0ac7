package io.channelops.events.sales;

import io.channelops.events.DomainEvent;
import io.channelops.events.Money;
import io.channelops.events.Published;
import io.channelops.events.Topics;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The customer accepted a quote (one version of it); order-service may create an order from it. */
@Published(topic = Topics.QUOTES, service = "sales")
public record QuoteAccepted(String quoteId, String quoteNumber, int quoteVersion, String customerId, String opportunityId,
        List<QuoteLine> lines, Money total, LocalDate validUntil, Instant acceptedAt, String ownerId,
        String orgPath) implements DomainEvent {

    @Override
    public String aggregateId() {
        return quoteId;
    }
}

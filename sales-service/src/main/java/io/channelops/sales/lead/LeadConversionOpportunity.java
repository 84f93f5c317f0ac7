package io.channelops.sales.lead;

import io.channelops.sales.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * In-process only (not published to Kafka): raised with {@code LeadConverted} in the conversion's transaction, just
 * before it, carrying what the opportunity to open needs and {@code LeadConverted} does not (name, amount, expected
 * close date). A listener in the same transaction (plain {@code @EventListener}) opens opportunity
 * {@code opportunityId}; if it throws, the conversion rolls back and the lead stays QUALIFIED.
 *
 * @param amount null when the converter gave none
 * @param expectedCloseDate null when neither the converter nor the lead's timeline gave one
 */
public record LeadConversionOpportunity(String opportunityId, String leadId, String customerId, String contactId,
        String name, @Nullable Money amount, @Nullable LocalDate expectedCloseDate, String ownerId, String orgPath,
        String convertedBy, Instant convertedAt) {
}

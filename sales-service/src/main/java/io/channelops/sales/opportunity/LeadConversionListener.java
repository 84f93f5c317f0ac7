package io.channelops.sales.opportunity;

import io.channelops.events.sales.LeadConverted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Opens the opportunity of a converted lead. The leads feature raises {@link LeadConverted} on its aggregate; Spring
 * Data publishes it in-process while the lead is saved, so this plain (not transactional-phase) listener runs inside
 * the conversion's transaction: the lead, its outbox event and the opportunity commit or roll back together.
 * Idempotent by the opportunity id the event carries.
 */
@Component
class LeadConversionListener {

    private static final Logger log = LoggerFactory.getLogger(LeadConversionListener.class);

    private final OpportunityService opportunities;

    LeadConversionListener(OpportunityService opportunities) {
        this.opportunities = opportunities;
    }

    @EventListener
    void on(LeadConverted event) {
        if (opportunities.openFromLead(event)) {
            log.info("Opened opportunity {} from converted lead {}", event.opportunityId(), event.leadId());
        }
    }
}

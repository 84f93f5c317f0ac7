package io.channelops.sales.opportunity;

import io.channelops.sales.lead.LeadConversionOpportunity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Opens the opportunity of a converted lead. The leads feature raises {@link LeadConversionOpportunity} (in-process
 * only, just before the published {@code LeadConverted}) on its aggregate; Spring Data publishes it while the lead is
 * saved, so this plain (not transactional-phase) listener runs inside the conversion's transaction: the lead, its
 * outbox event and the opportunity commit or roll back together. Idempotent by the opportunity id it carries.
 */
@Component
class LeadConversionListener {

    private static final Logger log = LoggerFactory.getLogger(LeadConversionListener.class);

    private final OpportunityService opportunities;

    LeadConversionListener(OpportunityService opportunities) {
        this.opportunities = opportunities;
    }

    @EventListener
    void on(LeadConversionOpportunity event) {
        if (opportunities.openFromLead(event)) {
            log.info("Opened opportunity {} from converted lead {}", event.opportunityId(), event.leadId());
        }
    }
}

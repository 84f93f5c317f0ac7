package io.channelops.sales.quote;

import io.channelops.platform.security.Ownership;
import io.channelops.platform.web.ApiProblem;
import io.channelops.sales.opportunity.Opportunity;
import io.channelops.sales.opportunity.OpportunityService;
import io.channelops.sales.opportunity.OpportunityStatus;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The quotes' only way to opportunities ({@link OpportunityService}). */
@Component
class QuoteOpportunities {

    private final OpportunityService opportunities;

    QuoteOpportunities(OpportunityService opportunities) {
        this.opportunities = opportunities;
    }

    /**
     * The opportunity a quote is made from, as the caller sees it.
     *
     * @throws ApiProblem 422 {@code UNKNOWN_OPPORTUNITY} when it does not exist or lies outside the caller's data
     *     scope (the same answer for both, so ids cannot be probed)
     */
    Deal get(String opportunityId) {
        Opportunity opportunity;
        try {
            opportunity = opportunities.get(opportunityId);
        } catch (ApiProblem ex) {
            if (ex.status() == HttpStatus.NOT_FOUND) {
                throw ApiProblem.unprocessable("UNKNOWN_OPPORTUNITY", "No opportunity " + opportunityId
                        + " that you can see", opportunityId);
            }
            throw ex;
        }
        return new Deal(opportunity.id(), opportunity.customerId(), opportunity.ownership(),
                opportunity.status() == OpportunityStatus.OPEN, opportunity.amount().currency(),
                opportunity.products().stream().map(p -> new DealProduct(p.productId(), p.quantity())).toList());
    }

    /** An opportunity as quotes use it: who it is with, whose it is, and the products it is about. */
    record Deal(String id, String customerId, Ownership ownership, boolean open, String currency,
            List<DealProduct> products) {
    }

    /** A product of an opportunity and its quantity. */
    record DealProduct(String productId, long quantity) {
    }
}

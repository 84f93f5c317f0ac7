package io.channelops.customer.activity;

import io.channelops.events.customer.CustomersMerged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * When a duplicate customer is merged into a surviving one ({@link CustomersMerged}, raised in the merge's
 * transaction before the duplicate is deleted), its activities move to the survivor in that same transaction,
 * keeping their ownership as logged. Running it twice moves nothing the second time.
 */
@Component
class ActivityMerges {

    private final ActivityService activities;

    ActivityMerges(ActivityService activities) {
        this.activities = activities;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(CustomersMerged merged) {
        activities.moveAll(merged.mergedCustomerId(), merged.survivingCustomerId());
    }
}

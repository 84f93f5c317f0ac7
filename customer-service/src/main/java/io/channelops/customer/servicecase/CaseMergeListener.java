package io.channelops.customer.servicecase;

import io.channelops.events.customer.CustomersMerged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When two customers are merged, the merged one's cases become the survivor's: an in-process listener of
 * {@link CustomersMerged}, run in the merge's own transaction (the event is raised on save), so the move commits or
 * rolls back with the merge. The cases keep their ownership (the owner at opening). Repeating it moves nothing more.
 */
@Component
class CaseMergeListener {

    private static final Logger log = LoggerFactory.getLogger(CaseMergeListener.class);

    private final ServiceCases cases;

    CaseMergeListener(ServiceCases cases) {
        this.cases = cases;
    }

    @EventListener
    void on(CustomersMerged merged) {
        int moved = cases.moveToCustomer(merged.mergedCustomerId(), merged.survivingCustomerId());
        log.debug("Moved {} cases of {} to {}", moved, merged.mergedCustomerId(), merged.survivingCustomerId());
    }
}

package io.channelops.customer.ownership;

import io.channelops.events.customer.CustomersMerged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When two customers are merged, the merged one's assignment and pool history becomes the survivor's: an in-process
 * listener of {@link CustomersMerged}, run in the merge's own transaction (the event is raised on save), so the move
 * commits or rolls back with the merge. Repeating it moves nothing more.
 */
@Component
class MergedCustomerHistory {

    private static final Logger log = LoggerFactory.getLogger(MergedCustomerHistory.class);

    private final AssignmentHistory history;

    MergedCustomerHistory(AssignmentHistory history) {
        this.history = history;
    }

    @EventListener
    void on(CustomersMerged merged) {
        int moved = history.move(merged.mergedCustomerId(), merged.survivingCustomerId());
        log.debug("Moved {} assignment history rows of {} to {}", moved, merged.mergedCustomerId(),
                merged.survivingCustomerId());
    }
}

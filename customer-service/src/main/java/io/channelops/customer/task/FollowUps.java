package io.channelops.customer.task;

import io.channelops.customer.activity.FollowUpRequested;
import io.channelops.events.customer.CustomersMerged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reacts, in the transaction that raised them, to an activity that asked for a follow-up (creates the task, with
 * the id the activity names, for the person who logged it) and to a merge of two customers ({@link CustomersMerged}:
 * the duplicate's tasks move to the survivor, open or not; running it twice moves nothing the second time).
 */
@Component
class FollowUps {

    private final TaskService tasks;

    FollowUps(TaskService tasks) {
        this.tasks = tasks;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(FollowUpRequested request) {
        tasks.createFollowUp(request);
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(CustomersMerged merged) {
        tasks.moveAll(merged.mergedCustomerId(), merged.survivingCustomerId());
    }
}

package io.channelops.customer.contact;

import io.channelops.events.customer.CustomersMerged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * When a duplicate customer is merged into a surviving one ({@link CustomersMerged}, raised in the merge's
 * transaction before the duplicate is deleted), its contacts move to the survivor in that same transaction; its
 * primary contact stays primary only if the survivor has none. Running it twice moves nothing the second time.
 */
@Component
class ContactMerges {

    private final ContactService contacts;

    ContactMerges(ContactService contacts) {
        this.contacts = contacts;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(CustomersMerged merged) {
        contacts.moveAll(merged.mergedCustomerId(), merged.survivingCustomerId());
    }
}

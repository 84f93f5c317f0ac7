package io.channelops.sales.customer;

import io.channelops.events.Topics;
import io.channelops.events.customer.CustomerChanged;
import io.channelops.events.customer.CustomerRegistered;
import io.channelops.events.customer.CustomersMerged;
import io.channelops.platform.inbox.InboundEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the customer classification copy from {@value Topics#CUSTOMERS}. Idempotent: each event id is recorded in
 * the inbox with its effect; {@code CustomerRegistered} and {@code CustomerChanged} are snapshots applied only when
 * their aggregate version is newer than the last one applied for the customer; {@code CustomersMerged} is a fact
 * (keyed by the survivor) and only marks the merged customer. Other customer events are skipped. Failures are retried
 * with back-off and then dead-lettered by the platform.
 */
@Component
class CustomerEventsListener {

    private final InboundEvents inbound;
    private final CustomerClassifications classifications;

    CustomerEventsListener(InboundEvents inbound, CustomerClassifications classifications) {
        this.inbound = inbound;
        this.classifications = classifications;
    }

    @KafkaListener(topics = Topics.CUSTOMERS)
    void onCustomer(ConsumerRecord<String, String> record) {
        inbound.dispatch(record, on -> on
                .latestOf(CustomerRegistered.class, classifications::registered)
                .latestOf(CustomerChanged.class, classifications::changed)
                .on(CustomersMerged.class, classifications::merged));
    }
}

package io.channelops.logistics.reservation;

import io.channelops.events.Topics;
import io.channelops.events.order.OrderApproved;
import io.channelops.platform.inbox.InboundEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes order-service's events. Idempotent twice over: the platform inbox skips an event id
 * it has applied, and a reservation's unique order id skips the same order under a new event id.
 */
@Component
class OrderEventsListener {

    private final InboundEvents inbound;
    private final ReservationService reservations;

    OrderEventsListener(InboundEvents inbound, ReservationService reservations) {
        this.inbound = inbound;
        this.reservations = reservations;
    }

    @KafkaListener(topics = Topics.ORDERS)
    void onOrder(ConsumerRecord<String, String> record) {
        inbound.dispatch(record, on -> on.on(OrderApproved.class, reservations::reserve));
    }
}

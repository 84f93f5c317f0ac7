package io.channelops.finance.receivables;

import io.channelops.events.Topics;
import io.channelops.events.logistics.ShipmentDispatched;
import io.channelops.events.order.OrderApproved;
import io.channelops.platform.inbox.InboundEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes order-service's {@code OrderApproved} and logistics-service's {@code ShipmentDispatched}.
 * Idempotent twice over: the platform inbox skips a redelivered event id, and the natural keys
 * (one approved order per order id, one invoice per shipment id) skip a copy under a new id.
 * The two topics may arrive in any order: an invoice needs nothing from the approved order.
 */
@Component
class ReceivablesListener {

    private final InboundEvents inbound;
    private final ReceivablesService receivables;

    ReceivablesListener(InboundEvents inbound, ReceivablesService receivables) {
        this.inbound = inbound;
        this.receivables = receivables;
    }

    @KafkaListener(topics = Topics.ORDERS)
    void onOrder(ConsumerRecord<String, String> record) {
        inbound.dispatch(record, on -> on.on(OrderApproved.class, receivables::recordApprovedOrder));
    }

    @KafkaListener(topics = Topics.SHIPMENTS)
    void onShipment(ConsumerRecord<String, String> record) {
        inbound.dispatch(record, on -> on.on(ShipmentDispatched.class, receivables::invoiceShipment));
    }
}

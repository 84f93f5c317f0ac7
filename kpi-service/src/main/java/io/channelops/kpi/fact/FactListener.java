package io.channelops.kpi.fact;

import io.channelops.events.Topics;
import io.channelops.events.finance.PaymentPosted;
import io.channelops.events.order.OrderApproved;
import io.channelops.platform.inbox.InboundEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code OrderApproved} ({@value Topics#ORDERS}) and {@code PaymentPosted}
 * ({@value Topics#PAYMENTS}); other event types on these topics are skipped. Failures are retried
 * with back-off and then dead-lettered by the platform.
 */
@Component
class FactListener {

    private final InboundEvents inbound;
    private final FactRecorder facts;

    FactListener(InboundEvents inbound, FactRecorder facts) {
        this.inbound = inbound;
        this.facts = facts;
    }

    @KafkaListener(topics = Topics.ORDERS)
    void onOrder(ConsumerRecord<String, String> record) {
        inbound.dispatch(record, on -> on.on(OrderApproved.class, facts::orderApproved));
    }

    @KafkaListener(topics = Topics.PAYMENTS)
    void onPayment(ConsumerRecord<String, String> record) {
        inbound.dispatch(record, on -> on.on(PaymentPosted.class, facts::paymentPosted));
    }
}

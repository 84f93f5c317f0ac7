package io.channelops.customer.summary;

import io.channelops.events.Topics;
import io.channelops.events.finance.CreditLimitChanged;
import io.channelops.events.finance.InvoiceIssued;
import io.channelops.events.finance.InvoiceSettled;
import io.channelops.events.finance.PaymentPosted;
import io.channelops.events.order.OrderApproved;
import io.channelops.events.order.OrderCreditHeld;
import io.channelops.platform.inbox.InboundEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the customer 360 read model from order-service and finance-service, in customer-service's consumer group.
 * Every event is applied once (its id goes into the inbox in the same transaction as its effect); credit limits
 * are snapshots of a credit account, so an older version arriving after a newer one is skipped. Other event types
 * on these topics are ignored; failures are retried with back-off and then dead-lettered by the platform.
 * <ul>
 *   <li>{@value Topics#ORDERS}: {@code OrderApproved}, {@code OrderCreditHeld}</li>
 *   <li>{@value Topics#INVOICES}: {@code InvoiceIssued}, {@code InvoiceSettled}</li>
 *   <li>{@value Topics#PAYMENTS}: {@code PaymentPosted}</li>
 *   <li>{@value Topics#CREDIT_ACCOUNTS}: {@code CreditLimitChanged} (newest version only)</li>
 * </ul>
 */
@Component
class SummaryListener {

    private final InboundEvents inbound;
    private final SummaryProjector projector;

    SummaryListener(InboundEvents inbound, SummaryProjector projector) {
        this.inbound = inbound;
        this.projector = projector;
    }

    @KafkaListener(topics = Topics.ORDERS)
    void onOrder(ConsumerRecord<String, String> record) {
        inbound.dispatch(record, on -> on.on(OrderApproved.class, projector::orderApproved)
                .on(OrderCreditHeld.class, projector::orderCreditHeld));
    }

    @KafkaListener(topics = Topics.INVOICES)
    void onInvoice(ConsumerRecord<String, String> record) {
        inbound.dispatch(record, on -> on.on(InvoiceIssued.class, projector::invoiceIssued)
                .on(InvoiceSettled.class, projector::invoiceSettled));
    }

    @KafkaListener(topics = Topics.PAYMENTS)
    void onPayment(ConsumerRecord<String, String> record) {
        inbound.dispatch(record, on -> on.on(PaymentPosted.class, projector::paymentPosted));
    }

    @KafkaListener(topics = Topics.CREDIT_ACCOUNTS)
    void onCreditAccount(ConsumerRecord<String, String> record) {
        inbound.dispatch(record, on -> on.latestOf(CreditLimitChanged.class, projector::creditLimitChanged));
    }
}

package io.channelops.order.fulfilment;

import io.channelops.events.Topics;
import io.channelops.events.logistics.ShipmentDispatched;
import io.channelops.events.logistics.StockReserved;
import io.channelops.events.logistics.StockShortage;
import io.channelops.order.order.OrderService;
import io.channelops.platform.inbox.InboundEvents;
import io.channelops.platform.inbox.PoisonEventException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Follows what logistics-service does with approved orders.
 * <ul>
 * <li>{@code StockShortage} ({@code logistics.reservations}): {@code APPROVED} → {@code BACKORDERED};</li>
 * <li>{@code StockReserved}: accepted, nothing to change;</li>
 * <li>{@code ShipmentDispatched} ({@code logistics.shipments}): adds the dispatched quantities to the
 * order's lines; {@code SHIPPED} once every line is covered.</li>
 * </ul>
 * Idempotent twice over: the platform inbox skips an event id already applied (in the same
 * transaction as the change), and a shipment id already counted on the order is not counted again.
 * An event for an order in a status it no longer applies to is ignored with a warning. An event
 * for an order this service does not know is poison: logistics only acts on orders this service
 * approved, so it means data went missing; it goes to the dead letters
 * ({@code /api/v1/admin/order/dead-letters}) to be looked into and replayed, never retried blindly.
 */
@Component
class LogisticsEvents {

    private static final Logger log = LoggerFactory.getLogger(LogisticsEvents.class);

    private final InboundEvents inbound;
    private final OrderService orders;

    LogisticsEvents(InboundEvents inbound, OrderService orders) {
        this.inbound = inbound;
        this.orders = orders;
    }

    @KafkaListener(topics = Topics.RESERVATIONS)
    void onReservation(ConsumerRecord<String, String> record) {
        inbound.dispatch(record, on -> on
                .on(StockShortage.class, this::shortage)
                .on(StockReserved.class, this::reserved));
    }

    @KafkaListener(topics = Topics.SHIPMENTS)
    void onShipment(ConsumerRecord<String, String> record) {
        inbound.dispatch(record, on -> on.on(ShipmentDispatched.class, this::dispatched));
    }

    private void shortage(StockShortage event) {
        known(orders.backorder(event.orderId()), event.orderId(), "StockShortage");
    }

    private void reserved(StockReserved event) {
        log.debug("Stock reserved for order {}", event.orderId());
    }

    private void dispatched(ShipmentDispatched event) {
        Map<String, Long> quantities = new LinkedHashMap<>();
        for (ShipmentDispatched.Line line : event.lines()) {
            if (line.quantity() > 0) {
                quantities.merge(line.productId(), line.quantity(), Long::sum);
            }
        }
        known(orders.recordDispatch(event.orderId(), event.shipmentId(), quantities), event.orderId(),
                "ShipmentDispatched " + event.shipmentId());
    }

    private static void known(OrderService.Outcome outcome, String orderId, String what) {
        if (outcome == OrderService.Outcome.UNKNOWN_ORDER) {
            throw new PoisonEventException(what + " refers to order " + orderId + ", which does not exist", null);
        }
    }
}

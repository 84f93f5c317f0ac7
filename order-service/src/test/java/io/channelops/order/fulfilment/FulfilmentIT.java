package io.channelops.order.fulfilment;

import static io.channelops.order.support.OtherServices.financeApproves;
import static io.channelops.order.support.OtherServices.salesPrices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.events.logistics.ReservedLine;
import io.channelops.events.logistics.ShipmentDispatched;
import io.channelops.events.logistics.StockReserved;
import io.channelops.events.logistics.StockShortage;
import io.channelops.order.support.IntegrationTestSupport;
import io.channelops.platform.test.Callers;
import io.channelops.platform.test.EventProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Logistics events (fed as logistics-service's outbox would send them) move approved orders on. */
class FulfilmentIT extends IntegrationTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String DISPATCHED = "io.channelops.logistics.ShipmentDispatched";

    @Autowired
    MeterRegistry meters;

    /** An approved order: 10 widgets at 12.50 and 5 gadgets at 3.00. */
    private record Approved(String id, String customer, String widget, String gadget) {
    }

    private Approved approvedOrder() throws Exception {
        String customer = uuid();
        String widget = uuid();
        String gadget = uuid();
        salesPrices(widget, "12.50", "CNY");
        salesPrices(gadget, "3.00", "CNY");
        String id = createOrder(customer, widget, "10", gadget, "5").get("id").asString();
        financeApproves(customer);
        mvc.perform(post("/api/v1/orders/" + id + "/submit")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"));
        return new Approved(id, customer, widget, gadget);
    }

    private static ShipmentDispatched dispatch(Approved order, String shipmentId, long widgets, long gadgets) {
        List<ShipmentDispatched.Line> lines = new ArrayList<>();
        if (widgets > 0) {
            lines.add(new ShipmentDispatched.Line(order.widget(), widgets, new BigDecimal("12.50")));
        }
        if (gadgets > 0) {
            lines.add(new ShipmentDispatched.Line(order.gadget(), gadgets, new BigDecimal("3.00")));
        }
        return new ShipmentDispatched(shipmentId, order.id(), order.customer(), uuid(), lines, "CNY", Instant.now(),
                Callers.DEFAULT.id(), Callers.DEFAULT.orgPath());
    }

    private void awaitApplied(String eventId) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> rows("SELECT COUNT(*) FROM inbox_events WHERE event_id = ?", eventId) == 1);
    }

    private double inboxCount(String type, String outcome) {
        Counter counter = meters.find("channelops.inbox.events").tags("type", type, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private void awaitCount(Supplier<Double> count, double atLeast) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> count.get() >= atLeast);
    }

    @Test
    void aStockShortageBackOrdersAnApprovedOrder() throws Exception {
        Approved order = approvedOrder();
        String eventId = EventProbe.publish(new StockShortage(order.id(),
                List.of(new ReservedLine(order.widget(), uuid(), 4)), Instant.now()), 1);

        awaitApplied(eventId);
        JsonNode backordered = order(order.id());
        assertThat(backordered.get("status").asString()).isEqualTo("BACKORDERED");
        assertThat(backordered.get("backorderedAt").asString()).isNotEmpty();
    }

    @Test
    void stockReservedIsAcceptedAndChangesNothing() throws Exception {
        Approved order = approvedOrder();
        long version = order(order.id()).get("version").asLong();
        String eventId = EventProbe.publish(new StockReserved(order.id(),
                List.of(new ReservedLine(order.widget(), uuid(), 10), new ReservedLine(order.gadget(), uuid(), 5)),
                Instant.now()), 1);

        awaitApplied(eventId);
        JsonNode after = order(order.id());
        assertThat(after.get("status").asString()).isEqualTo("APPROVED");
        assertThat(after.get("version").asLong()).isEqualTo(version);
    }

    @Test
    void shipsAnOrderOnceDispatchedShipmentsCoverEveryLine() throws Exception {
        Approved order = approvedOrder();
        String first = EventProbe.publish(dispatch(order, uuid(), 6, 5), 1);
        awaitApplied(first);
        JsonNode partly = order(order.id());
        assertThat(partly.get("status").asString()).isEqualTo("APPROVED");
        assertThat(partly.get("lines").get(0).get("shippedQuantity").asLong()).isEqualTo(6);
        assertThat(partly.get("lines").get(1).get("shippedQuantity").asLong()).isEqualTo(5);

        String second = EventProbe.publish(dispatch(order, uuid(), 4, 0), 1);
        awaitApplied(second);
        JsonNode shipped = order(order.id());
        assertThat(shipped.get("status").asString()).isEqualTo("SHIPPED");
        assertThat(shipped.get("shippedAt").asString()).isNotEmpty();
        assertThat(shipped.get("lines").get(0).get("shippedQuantity").asLong()).isEqualTo(10);
    }

    @Test
    void shipsABackOrderedOrderWhenItIsFinallyDispatched() throws Exception {
        Approved order = approvedOrder();
        awaitApplied(EventProbe.publish(new StockShortage(order.id(),
                List.of(new ReservedLine(order.gadget(), uuid(), 5)), Instant.now()), 1));
        assertThat(statusOf(order.id())).isEqualTo("BACKORDERED");

        awaitApplied(EventProbe.publish(dispatch(order, uuid(), 10, 5), 1));
        assertThat(statusOf(order.id())).isEqualTo("SHIPPED");
    }

    @Test
    void theSameDispatchDeliveredTwiceIsCountedOnce() throws Exception {
        Approved order = approvedOrder();
        String shipmentId = uuid();
        ShipmentDispatched event = dispatch(order, shipmentId, 4, 0);
        String eventId = uuid();
        double duplicates = inboxCount(DISPATCHED, "duplicate");
        double applied = inboxCount(DISPATCHED, "applied");

        EventProbe.publish(event, eventId, 1);
        EventProbe.publish(event, eventId, 1);
        awaitCount(() -> inboxCount(DISPATCHED, "duplicate"), duplicates + 1);
        assertThat(order(order.id()).get("lines").get(0).get("shippedQuantity").asLong()).isEqualTo(4);

        // the same shipment under another event id (a replay, say): the shipment id is a natural key
        EventProbe.publish(event, 2);
        awaitCount(() -> inboxCount(DISPATCHED, "applied"), applied + 2);
        JsonNode after = order(order.id());
        assertThat(after.get("lines").get(0).get("shippedQuantity").asLong()).isEqualTo(4);
        assertThat(after.get("status").asString()).isEqualTo("APPROVED");
        assertThat(rows("SELECT COUNT(*) FROM order_shipments WHERE order_id = ?", order.id())).isEqualTo(1);
    }

    @Test
    void aShortageForAnOrderNotApprovedIsIgnored() throws Exception {
        String customer = uuid();
        String product = uuid();
        salesPrices(product, "1.00", "CNY");
        String id = createOrder(customer, product, "1").get("id").asString();

        awaitApplied(EventProbe.publish(new StockShortage(id, List.of(new ReservedLine(product, uuid(), 1)),
                Instant.now()), 1));
        assertThat(statusOf(id)).isEqualTo("DRAFT");
    }

    @Test
    void aDispatchOfAnUnknownOrderGoesToTheDeadLetters() throws Exception {
        Approved known = approvedOrder();
        ShipmentDispatched stranger = new ShipmentDispatched(uuid(), uuid(), known.customer(), uuid(),
                List.of(new ShipmentDispatched.Line(known.widget(), 1, BigDecimal.ONE)), "CNY", Instant.now(),
                Callers.DEFAULT.id(), Callers.DEFAULT.orgPath());
        String eventId = EventProbe.publish(stranger, 1);

        await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> rows("SELECT COUNT(*) FROM dead_letters WHERE event_id = ?", eventId) == 1);
        assertThat(rows("SELECT COUNT(*) FROM inbox_events WHERE event_id = ?", eventId)).isZero();
        mvc.perform(get("/api/v1/admin/order/dead-letters").param("status", "DEAD").param("size", "200"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[?(@.eventId == '" + eventId + "')].error")
                        .value(hasItem(containsString("does not exist"))));
        assertThat(statusOf(known.id())).isEqualTo("APPROVED");
    }
}

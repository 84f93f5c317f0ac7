package io.channelops.logistics.reservation;

import static io.channelops.logistics.LogisticsApi.approved;
import static io.channelops.logistics.LogisticsApi.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.channelops.events.Topics;
import io.channelops.events.logistics.ReservedLine;
import io.channelops.events.logistics.StockReserved;
import io.channelops.events.logistics.StockShortage;
import io.channelops.events.order.OrderApproved;
import io.channelops.logistics.LogisticsApi;
import io.channelops.platform.test.Callers;
import io.channelops.platform.test.EventProbe;
import io.channelops.platform.test.ServiceIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reserving stock for OrderApproved events fed through the real broker; what it creates belongs to the order's rep. */
@ServiceIntegrationTest
class ReservationIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String RESERVED_TYPE = "io.channelops.logistics.StockReserved";
    private static final String SHORTAGE_TYPE = "io.channelops.logistics.StockShortage";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JsonMapper json;

    LogisticsApi api;

    @BeforeEach
    void setUp() {
        api = new LogisticsApi(mvc, json);
    }

    private long count(String sql, Object... args) {
        Long count = jdbc.queryForObject(sql, Long.class, args);
        return count == null ? 0 : count;
    }

    private static ConsumerRecord<String, String> awaitEvent(String orderId, String type) {
        return EventProbe.await(Topics.RESERVATIONS,
                r -> orderId.equals(r.key()) && type.equals(EventProbe.header(r, "ce_type")), WAIT);
    }

    private void awaitApplied(String eventId) {
        await().atMost(WAIT).until(() -> count("SELECT COUNT(*) FROM inbox_events WHERE event_id = ?", eventId) == 1);
    }

    @Test
    void reservesALineAcrossTwoWarehousesWhenOneIsNotEnoughAndPreparesAShipmentPerWarehouse() throws Exception {
        String big = api.warehouse("EAST");
        String small = api.warehouse("WEST");
        String p = LogisticsApi.newProductId();
        String q = LogisticsApi.newProductId();
        api.receive(big, p, 7);
        api.receive(small, p, 5);
        api.receive(small, q, 2);
        String orderId = UUID.randomUUID().toString();
        OrderApproved order = approved(orderId, line(1, p, 10, "12.50"), line(2, q, 2, "99.99"));

        EventProbe.publish(order, 1);

        ConsumerRecord<String, String> record = awaitEvent(orderId, RESERVED_TYPE);
        assertThat(EventProbe.header(record, "ce_source")).isEqualTo("/channelops/logistics");
        assertThat(EventProbe.header(record, "ce_subject")).isEqualTo(orderId);
        StockReserved reserved = EventProbe.payload(record, StockReserved.class);
        assertThat(reserved.orderId()).isEqualTo(orderId);
        assertThat(reserved.lines()).containsExactlyInAnyOrder(new ReservedLine(p, big, 7),
                new ReservedLine(p, small, 3), new ReservedLine(q, small, 2));

        assertThat(api.level(big, p).get("reserved").asLong()).isEqualTo(7);
        assertThat(api.level(big, p).get("available").asLong()).isZero();
        assertThat(api.level(small, p).get("reserved").asLong()).isEqualTo(3);
        assertThat(api.level(small, p).get("available").asLong()).isEqualTo(2);
        assertThat(api.level(small, p).get("onHand").asLong()).isEqualTo(5);
        assertThat(api.level(small, q).get("available").asLong()).isZero();

        JsonNode shipments = api.shipmentsOf(orderId);
        assertThat(shipments).hasSize(2);
        for (JsonNode shipment : shipments) {
            assertThat(shipment.get("status").asString()).isEqualTo("READY");
            assertThat(shipment.get("customerId").asString()).isEqualTo(order.customerId());
            assertThat(shipment.get("total").get("currency").asString()).isEqualTo("CNY");
        }
        JsonNode fromSmall = shipments.get(0).get("warehouseId").asString().equals(small) ? shipments.get(0)
                : shipments.get(1);
        assertThat(fromSmall.get("lines")).hasSize(2);
        assertThat(fromSmall.get("lines").get(0).get("productId").asString()).isEqualTo(p);
        assertThat(fromSmall.get("lines").get(0).get("quantity").asLong()).isEqualTo(3);
        assertThat(fromSmall.get("lines").get(0).get("unitPrice").get("amount").decimalValue())
                .isEqualByComparingTo("12.50");
        assertThat(fromSmall.get("lines").get(1).get("unitPrice").get("amount").decimalValue())
                .isEqualByComparingTo("99.99");
        assertThat(fromSmall.get("total").get("amount").decimalValue()).isEqualByComparingTo("237.48");

        assertThat(count("SELECT COUNT(*) FROM stock_movements WHERE type = 'RESERVATION' AND reference = ?",
                orderId)).isEqualTo(3);
    }

    @Test
    void theReservationAndItsShipmentsBelongToTheOrdersRepAndOrgPath() throws Exception {
        String warehouse = api.warehouse("WEST");
        String p = LogisticsApi.newProductId();
        api.receive(warehouse, p, 5);
        String orderId = UUID.randomUUID().toString();

        EventProbe.publish(approved(Callers.REP_WEST_1, orderId, line(1, p, 2, "3.00")), 1);

        awaitEvent(orderId, RESERVED_TYPE);
        assertThat(jdbc.queryForMap("SELECT owner_id, org_path FROM reservations WHERE order_id = ?", orderId))
                .containsEntry("owner_id", Callers.REP_WEST_1.id()).containsEntry("org_path", Callers.WEST_1);
        assertThat(jdbc.queryForList("SELECT owner_id FROM shipments WHERE order_id = ?", String.class, orderId))
                .containsExactly(Callers.REP_WEST_1.id());
        assertThat(jdbc.queryForList("SELECT org_path FROM shipments WHERE order_id = ?", String.class, orderId))
                .containsExactly(Callers.WEST_1);
    }

    @Test
    void sendsAnOrderWithoutOwnerOrOrgPathToTheDeadLetters() throws Exception {
        String warehouse = api.warehouse("EAST");
        String p = LogisticsApi.newProductId();
        api.receive(warehouse, p, 5);
        OrderApproved valid = approved(UUID.randomUUID().toString(), line(1, p, 1, "1.00"));
        OrderApproved noOrgPath = new OrderApproved(valid.orderId(), valid.orderNumber(), valid.customerId(),
                valid.salesRepId(), valid.lines(), valid.total(), valid.approvedAt(), null);
        OrderApproved noOwner = new OrderApproved(UUID.randomUUID().toString(), valid.orderNumber(),
                valid.customerId(), " ", valid.lines(), valid.total(), valid.approvedAt(), Callers.EAST_1);

        String first = EventProbe.publish(noOrgPath, 1);
        String second = EventProbe.publish(noOwner, 1);

        await().atMost(WAIT).until(() -> count("SELECT COUNT(*) FROM dead_letters WHERE event_id IN (?, ?)", first,
                second) == 2);
        assertThat(count("SELECT COUNT(*) FROM reservations WHERE order_id IN (?, ?)", noOrgPath.orderId(),
                noOwner.orderId())).isZero();
        assertThat(api.level(warehouse, p).get("reserved").asLong()).isZero();
    }

    @Test
    void reservesAnOrderOnceWhetherItsEventIsRedeliveredOrSentAgainWithANewId() throws Exception {
        String warehouse = api.warehouse("EAST");
        String p = LogisticsApi.newProductId();
        api.receive(warehouse, p, 10);
        String orderId = UUID.randomUUID().toString();
        OrderApproved order = approved(orderId, line(1, p, 4, "5.00"));
        String eventId = UUID.randomUUID().toString();
        String resentId = UUID.randomUUID().toString();

        EventProbe.publish(order, eventId, 1);
        EventProbe.publish(order, eventId, 1);
        EventProbe.publish(order, resentId, 1);

        // one partition per order id: once the last one is applied, the two before it were handled
        awaitApplied(resentId);
        assertThat(count("SELECT COUNT(*) FROM inbox_events WHERE event_id IN (?, ?)", eventId, resentId))
                .isEqualTo(2);
        assertThat(api.level(warehouse, p).get("reserved").asLong()).isEqualTo(4);
        assertThat(api.shipmentsOf(orderId)).hasSize(1);
        assertThat(count("SELECT COUNT(*) FROM reservations WHERE order_id = ?", orderId)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM stock_movements WHERE reference = ?", orderId)).isEqualTo(1);
        assertThat(EventProbe.collect(Topics.RESERVATIONS, r -> orderId.equals(r.key()), 2, Duration.ofSeconds(3)))
                .hasSize(1);
    }

    @Test
    void publishesStockShortageAndReservesNothingWhenAnyLineIsShort() throws Exception {
        String east = api.warehouse("EAST");
        String west = api.warehouse("WEST");
        String plenty = LogisticsApi.newProductId();
        String scarce = LogisticsApi.newProductId();
        String absent = LogisticsApi.newProductId();
        api.receive(east, plenty, 50);
        api.receive(east, scarce, 2);
        api.receive(west, scarce, 1);
        String orderId = UUID.randomUUID().toString();

        EventProbe.publish(approved(orderId, line(1, plenty, 5, "1.00"), line(2, scarce, 5, "2.00"),
                line(3, absent, 1, "3.00")), 1);

        StockShortage shortage = EventProbe.payload(awaitEvent(orderId, SHORTAGE_TYPE), StockShortage.class);
        assertThat(shortage.missing()).containsExactly(new ReservedLine(scarce, "", 2), new ReservedLine(absent, "", 1));
        assertThat(api.level(east, plenty).get("reserved").asLong()).isZero();
        assertThat(api.level(east, scarce).get("reserved").asLong()).isZero();
        assertThat(api.level(west, scarce).get("reserved").asLong()).isZero();
        assertThat(api.shipmentsOf(orderId)).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM stock_movements WHERE reference = ?", orderId)).isZero();
        assertThat(jdbc.queryForObject("SELECT status FROM reservations WHERE order_id = ?", String.class, orderId))
                .isEqualTo("BACKORDERED");
        assertThat(EventProbe.collect(Topics.RESERVATIONS,
                r -> orderId.equals(r.key()) && RESERVED_TYPE.equals(EventProbe.header(r, "ce_type")), 1,
                Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    void sendsAnOrderThatCanNeverBeReservedToTheDeadLetters() throws Exception {
        String orderId = UUID.randomUUID().toString();
        OrderApproved broken = approved(orderId, line(1, LogisticsApi.newProductId(), 0, "1.00"));

        String eventId = EventProbe.publish(broken, 1);

        await().atMost(WAIT).until(() -> count("SELECT COUNT(*) FROM dead_letters WHERE event_id = ?", eventId) == 1);
        assertThat(count("SELECT COUNT(*) FROM reservations WHERE order_id = ?", orderId)).isZero();
        assertThat(count("SELECT COUNT(*) FROM inbox_events WHERE event_id = ?", eventId)).isZero();
        JsonNode deadLetters = api.get("/api/v1/admin/logistics/dead-letters?status=DEAD&size=200").get("content");
        List<String> deadEventIds = new ArrayList<>();
        deadLetters.forEach(d -> deadEventIds.add(d.get("eventId").asString()));
        assertThat(deadEventIds).contains(eventId);
    }
}

package io.channelops.logistics.shipment;

import static io.channelops.logistics.LogisticsApi.CLERK;
import static io.channelops.logistics.LogisticsApi.approved;
import static io.channelops.logistics.LogisticsApi.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.events.Topics;
import io.channelops.events.logistics.ShipmentDispatched;
import io.channelops.events.order.OrderApproved;
import io.channelops.logistics.LogisticsApi;
import io.channelops.platform.test.Caller;
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

/** Shipments prepared from OrderApproved, listed and dispatched, within each caller's data scope. */
@ServiceIntegrationTest
class ShipmentApiIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

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

    /** An order of p x6 at 12.50 and q x4 at 99.99 reserved in one warehouse; returns its READY shipment. */
    private JsonNode readyShipment(String warehouse, String p, String q, OrderApproved order) throws Exception {
        api.receive(warehouse, p, 10);
        api.receive(warehouse, q, 4);
        EventProbe.publish(order, 1);
        await().atMost(WAIT).until(() -> api.shipmentsOf(order.orderId()).size() == 1);
        return api.shipmentsOf(order.orderId()).get(0);
    }

    @Test
    void dispatchPublishesShipmentDispatchedWithTheOrderPricesAndTakesTheStockOut() throws Exception {
        String warehouse = api.warehouse("EAST");
        String p = LogisticsApi.newProductId();
        String q = LogisticsApi.newProductId();
        OrderApproved order = approved(UUID.randomUUID().toString(), line(1, p, 6, "12.50"),
                line(2, q, 4, "99.99"));
        JsonNode ready = readyShipment(warehouse, p, q, order);
        String id = ready.get("id").asString();
        assertThat(ready.get("status").asString()).isEqualTo("READY");

        mvc.perform(post("/api/v1/shipments/" + id + "/dispatch").with(CLERK.asCaller()))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.status").value("DISPATCHED"))
                .andExpect(jsonPath("$.dispatchedAt").isNotEmpty());

        ConsumerRecord<String, String> record = EventProbe.await(Topics.SHIPMENTS, r -> id.equals(r.key()), WAIT);
        assertThat(EventProbe.header(record, "ce_type")).isEqualTo("io.channelops.logistics.ShipmentDispatched");
        assertThat(EventProbe.header(record, "ce_subject")).isEqualTo(id);
        ShipmentDispatched dispatched = EventProbe.payload(record, ShipmentDispatched.class);
        assertThat(dispatched.orderId()).isEqualTo(order.orderId());
        assertThat(dispatched.customerId()).isEqualTo(order.customerId());
        assertThat(dispatched.warehouseId()).isEqualTo(warehouse);
        assertThat(dispatched.currency()).isEqualTo("CNY");
        assertThat(dispatched.ownerId()).as("the order's rep, not the clerk who dispatched")
                .isEqualTo(LogisticsApi.REP.id());
        assertThat(dispatched.orgPath()).isEqualTo(LogisticsApi.REP.orgPath());
        assertThat(dispatched.lines()).hasSize(2);
        assertThat(dispatched.lines().get(0).productId()).isEqualTo(p);
        assertThat(dispatched.lines().get(0).quantity()).isEqualTo(6);
        assertThat(dispatched.lines().get(0).unitPrice()).isEqualByComparingTo("12.50");
        assertThat(dispatched.lines().get(1).productId()).isEqualTo(q);
        assertThat(dispatched.lines().get(1).unitPrice()).isEqualByComparingTo("99.99");

        JsonNode pLevel = api.level(warehouse, p);
        assertThat(pLevel.get("onHand").asLong()).isEqualTo(4);
        assertThat(pLevel.get("reserved").asLong()).isZero();
        assertThat(pLevel.get("available").asLong()).isEqualTo(4);
        JsonNode qLevel = api.level(warehouse, q);
        assertThat(qLevel.get("onHand").asLong()).isZero();
        assertThat(qLevel.get("reserved").asLong()).isZero();
        JsonNode ledger = api.get("/api/v1/stock/movements?type=DISPATCH&reference=" + id).get("content");
        assertThat(ledger).hasSize(2);
        assertThat(ledger.get(0).get("onHandChange").asLong()).isEqualTo(-ledger.get(0).get("quantity").asLong());
        assertThat(ledger.get(0).get("reservedChange").asLong()).isEqualTo(-ledger.get(0).get("quantity").asLong());
    }

    @Test
    void dispatchingTwiceAnswers409AndTakesTheStockOutOnce() throws Exception {
        String warehouse = api.warehouse("EAST");
        String p = LogisticsApi.newProductId();
        String q = LogisticsApi.newProductId();
        OrderApproved order = approved(UUID.randomUUID().toString(), line(1, p, 6, "12.50"),
                line(2, q, 4, "99.99"));
        String id = readyShipment(warehouse, p, q, order).get("id").asString();
        mvc.perform(post("/api/v1/shipments/" + id + "/dispatch").with(CLERK.asCaller())).andExpect(status().isOk());

        mvc.perform(post("/api/v1/shipments/" + id + "/dispatch").with(CLERK.asCaller()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ILLEGAL_STATE_TRANSITION"))
                .andExpect(jsonPath("$.detail").value("Cannot dispatch shipment " + id + " in state DISPATCHED"));

        assertThat(api.level(warehouse, p).get("onHand").asLong()).isEqualTo(4);
        assertThat(count("SELECT COUNT(*) FROM stock_movements WHERE type = 'DISPATCH' AND reference = ?", id))
                .isEqualTo(2);
        assertThat(EventProbe.collect(Topics.SHIPMENTS, r -> id.equals(r.key()), 2, Duration.ofSeconds(3)))
                .hasSize(1);
    }

    @Test
    void listsShipmentsByOrderAndStatusAndReadsOne() throws Exception {
        String warehouse = api.warehouse("EAST");
        String p = LogisticsApi.newProductId();
        String q = LogisticsApi.newProductId();
        OrderApproved order = approved(UUID.randomUUID().toString(), line(1, p, 6, "12.50"),
                line(2, q, 4, "99.99"));
        String id = readyShipment(warehouse, p, q, order).get("id").asString();

        mvc.perform(get("/api/v1/shipments/" + id))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.orderId").value(order.orderId()))
                .andExpect(jsonPath("$.warehouseId").value(warehouse))
                .andExpect(jsonPath("$.lines.length()").value(2))
                .andExpect(jsonPath("$.lines[1].unitPrice.currency").value("CNY"))
                .andExpect(jsonPath("$.total.amount").value(474.96));
        mvc.perform(get("/api/v1/shipments").param("orderId", order.orderId()).param("status", "READY"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.content.length()").value(1))
                .andExpect(jsonPath("$.content[0].id").value(id));
        mvc.perform(get("/api/v1/shipments").param("orderId", order.orderId()).param("status", "DISPATCHED"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.content.length()").value(0));
    }

    @Test
    void answersUnknownShipmentsAndBadQueriesWithProblems() throws Exception {
        String unknown = UUID.randomUUID().toString();
        mvc.perform(get("/api/v1/shipments/" + unknown))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
        mvc.perform(post("/api/v1/shipments/" + unknown + "/dispatch").with(CLERK.asCaller()))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
        mvc.perform(get("/api/v1/shipments").param("status", "LOST"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PARAMETER"));
        mvc.perform(get("/api/v1/shipments").param("size", "500"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PAGE"));
        mvc.perform(get("/api/v1/shipments").param("sort", "customerId"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_SORT"));
    }

    @Test
    void aShipmentBelongsToItsOrdersRepAndTeamAndIsSeenOnlyInTheirScope() throws Exception {
        String warehouse = api.warehouse("EAST");
        String p = LogisticsApi.newProductId();
        api.receive(warehouse, p, 10);
        String mine = api.readyShipmentOf(Callers.REP_EAST_1, p).get("id").asString();
        String colleagues = api.readyShipmentOf(Callers.REP_EAST_1_B, p).get("id").asString();
        String western = api.readyShipmentOf(Callers.REP_WEST_1, p).get("id").asString();
        assertThat(jdbc.queryForMap("SELECT owner_id, org_path FROM shipments WHERE id = ?", mine))
                .containsEntry("owner_id", Callers.REP_EAST_1.id()).containsEntry("org_path", Callers.EAST_1);

        mvc.perform(get("/api/v1/shipments/" + mine).with(Callers.REP_EAST_1.asCaller()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.id").value(mine));
        mvc.perform(get("/api/v1/shipments/" + colleagues).with(Callers.REP_EAST_1.asCaller()))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
        mvc.perform(get("/api/v1/shipments/" + western).with(Callers.MANAGER_EAST.asCaller()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/shipments/" + colleagues).with(Callers.MANAGER_EAST.asCaller()))
                .andExpect(status().isOk());

        assertThat(listed(Callers.REP_EAST_1, warehouse)).containsExactly(mine);
        assertThat(listed(Callers.MANAGER_EAST_1, warehouse)).containsExactlyInAnyOrder(mine, colleagues);
        assertThat(listed(Callers.MANAGER_WEST, warehouse)).containsExactly(western);
        assertThat(listed(Callers.AUDITOR, warehouse)).containsExactlyInAnyOrder(mine, colleagues, western);
        mvc.perform(get("/api/v1/shipments").param("warehouseId", warehouse).with(Callers.REP_EAST_1.asCaller()))
                .andExpect(jsonPath("$.page.totalElements").value(1));
    }

    @Test
    void onlyLogisticsDispatchesAndOnlyShipmentsInItsScope() throws Exception {
        String warehouse = api.warehouse("EAST");
        String p = LogisticsApi.newProductId();
        api.receive(warehouse, p, 10);
        String id = api.readyShipmentOf(Callers.REP_EAST_1, p).get("id").asString();

        mvc.perform(post("/api/v1/shipments/" + id + "/dispatch").with(Callers.REP_EAST_1.asCaller()))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("ACCESS_DENIED"));
        mvc.perform(post("/api/v1/shipments/" + id + "/dispatch")
                        .with(Callers.client("wms-west", Callers.WEST, "logistics:write").asCaller()))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
        assertThat(api.get("/api/v1/shipments/" + id).get("status").asString()).isEqualTo("READY");
        assertThat(api.level(warehouse, p).get("onHand").asLong()).isEqualTo(10);

        mvc.perform(post("/api/v1/shipments/" + id + "/dispatch")
                        .with(Callers.client("wms-east", Callers.EAST, "logistics:write").asCaller()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DISPATCHED"));
        assertThat(jdbc.queryForMap("SELECT owner_id, org_path FROM shipments WHERE id = ?", id))
                .containsEntry("owner_id", Callers.REP_EAST_1.id()).containsEntry("org_path", Callers.EAST_1);
    }

    private List<String> listed(Caller caller, String warehouse) throws Exception {
        JsonNode page = json.readTree(mvc.perform(get("/api/v1/shipments").param("warehouseId", warehouse)
                        .param("size", "200").with(caller.asCaller()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        List<String> ids = new ArrayList<>();
        page.get("content").forEach(s -> ids.add(s.get("id").asString()));
        return ids;
    }
}

package io.channelops.logistics;

import static io.channelops.logistics.LogisticsApi.approved;
import static io.channelops.logistics.LogisticsApi.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.platform.test.AccessMatrix;
import io.channelops.platform.test.Caller;
import io.channelops.platform.test.EventProbe;
import io.channelops.platform.test.ServiceIntegrationTest;
import io.channelops.platform.test.TokenChecks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may do what in logistics-service: every id-bearing and list endpoint called by every kind of caller over real
 * HTTP (see {@link AccessMatrix}), and requests without a valid token refused before any of that.
 *
 * <p>Shipments are the scoped records: each case gets a fresh READY shipment of an order owned by
 * {@link AccessMatrix#OWNER}, made the way production makes one (an {@code OrderApproved} of the owner through the
 * broker). Warehouses, receipts, stock levels and the ledger are company-wide reference data ({@code unscoped()}):
 * only the permission decides. Their lists cannot be {@link AccessMatrix#listing}s (that harness expects records of
 * the owner to be hidden from callers outside the owner's scope), so they are registered as unscoped endpoints whose
 * {@code {id}} narrows the list, and {@link #referenceListsShowEverythingToEveryoneWhoMayReadThem} checks that they
 * list the record for every caller with {@code logistics:read}.
 */
@ServiceIntegrationTest
class AccessMatrixIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JsonMapper json;

    @Value("${local.server.port}")
    int port;

    LogisticsApi api;

    /** A warehouse with plenty of one product, which the owner's orders draw one unit of each. */
    String stockedWarehouse;

    String stockedProduct;

    @BeforeEach
    void setUp() throws Exception {
        api = new LogisticsApi(mvc, json);
        stockedWarehouse = api.warehouse("EAST");
        stockedProduct = LogisticsApi.newProductId();
        api.receive(stockedWarehouse, stockedProduct, 1_000);
    }

    /** A fresh READY shipment of an order of the matrix's owner (rep A of team east-1). */
    private String shipmentOfOwner() {
        try {
            JsonNode shipment = api.readyShipmentOf(AccessMatrix.OWNER, stockedProduct);
            assertThat(jdbc.queryForObject("SELECT owner_id FROM shipments WHERE id = ?", String.class,
                    shipment.get("id").asString())).isEqualTo(AccessMatrix.OWNER.id());
            return shipment.get("id").asString();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot make the matrix's shipment", e);
        }
    }

    private String warehouse() {
        try {
            return api.warehouse("EAST");
        } catch (Exception e) {
            throw new IllegalStateException("Cannot open the matrix's warehouse", e);
        }
    }

    /** A fresh warehouse in a region of its own; returns the region code. */
    private String region() {
        try {
            String region = LogisticsApi.uniqueCode("MX");
            api.warehouse(region);
            return region;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot open the matrix's warehouse", e);
        }
    }

    /** A fresh warehouse holding some stock; returns the warehouse id. */
    private String stockedWarehouse() {
        try {
            String warehouse = api.warehouse("EAST");
            api.receive(warehouse, LogisticsApi.newProductId(), 3);
            return warehouse;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot stock the matrix's warehouse", e);
        }
    }

    private String receiptIn(String warehouse) {
        try {
            return api.receive(warehouse, LogisticsApi.newProductId(), 2).get("id").asString();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot receive the matrix's goods", e);
        }
    }

    /** A fresh dead letter: an OrderApproved of the owner that can never be reserved (quantity 0). */
    private String deadLetter() {
        String eventId = EventProbe.publish(approved(AccessMatrix.OWNER, UUID.randomUUID().toString(),
                line(1, LogisticsApi.newProductId(), 0, "1.00")), 1);
        await().atMost(WAIT).until(() -> !jdbc.queryForList("SELECT id FROM dead_letters WHERE event_id = ?",
                String.class, eventId).isEmpty());
        return jdbc.queryForList("SELECT id FROM dead_letters WHERE event_id = ?", String.class, eventId).getFirst();
    }

    private static String newWarehouse() {
        String code = LogisticsApi.uniqueCode("MX-");
        return """
                {"code":"%s","name":"Matrix warehouse","regionCode":"EAST"}""".formatted(code);
    }

    @Test
    void everyEndpointAnswersEveryCallerAsTheAccessRulesRequire() {
        AccessMatrix matrix = new AccessMatrix("logistics-service", "http://localhost:" + port);

        // shipments belong to the order's rep and team: read with logistics:read, dispatch with logistics:write,
        // both only within the caller's data scope (404 outside it)
        matrix.endpoint("GET", "/api/v1/shipments/{id}").requires("logistics:read").ok(200)
                .record(this::shipmentOfOwner);
        matrix.endpoint("POST", "/api/v1/shipments/{id}/dispatch").requires("logistics:write").ok(200)
                .record(this::shipmentOfOwner);
        String byOrder = shipmentOfOwner();
        String orderId = jdbc.queryForObject("SELECT order_id FROM shipments WHERE id = ?", String.class, byOrder);
        matrix.listing("/api/v1/shipments?size=200&orderId=" + orderId, "logistics:read", () -> byOrder);
        String byWarehouse = shipmentOfOwner();
        matrix.listing("/api/v1/shipments?size=200&status=READY&sort=createdAt,desc&warehouseId=" + stockedWarehouse,
                "logistics:read", () -> byWarehouse);

        // warehouses and stock: company-wide reference data, only the permission decides
        matrix.endpoint("POST", "/api/v1/warehouses").requires("logistics:write").ok(201).unscoped()
                .record(() -> "none").body(id -> newWarehouse());
        matrix.endpoint("GET", "/api/v1/warehouses/{id}").requires("logistics:read").ok(200).unscoped()
                .record(this::warehouse);
        matrix.endpoint("GET", "/api/v1/warehouses?size=200&regionCode={id}").requires("logistics:read").ok(200)
                .unscoped().record(this::region);
        matrix.endpoint("POST", "/api/v1/warehouses/{id}/receipts").requires("logistics:write").ok(201).unscoped()
                .record(this::warehouse)
                .body(id -> "{\"productId\":\"" + LogisticsApi.newProductId() + "\",\"quantity\":5}");
        // a receipt is addressed within its warehouse: one warehouse, a fresh receipt per case
        String receipts = warehouse();
        matrix.endpoint("GET", "/api/v1/warehouses/" + receipts + "/receipts/{id}").requires("logistics:read")
                .ok(200).unscoped().record(() -> receiptIn(receipts));
        matrix.endpoint("GET", "/api/v1/stock?size=200&warehouseId={id}").requires("logistics:read").ok(200)
                .unscoped().record(this::stockedWarehouse);
        matrix.endpoint("GET", "/api/v1/stock/movements?size=200&warehouseId={id}").requires("logistics:read")
                .ok(200).unscoped().record(this::stockedWarehouse);

        // the platform's dead-letter administration: events:admin, not org-scoped
        matrix.endpoint("GET", "/api/v1/admin/logistics/dead-letters?size=1").requires("events:admin").ok(200)
                .unscoped().record(() -> "none");
        matrix.endpoint("POST", "/api/v1/admin/logistics/dead-letters/{id}/replay").requires("events:admin")
                .ok(200).unscoped().record(this::deadLetter);

        matrix.verify();
    }

    @Test
    void referenceListsShowEverythingToEveryoneWhoMayReadThem() throws Exception {
        String region = region();
        String warehouse = jdbc.queryForObject("SELECT id FROM warehouses WHERE region_code = ?", String.class,
                region);
        String product = LogisticsApi.newProductId();
        api.receive(warehouse, product, 7);
        for (Caller caller : AccessMatrix.callers("logistics:read")) {
            int expected = AccessMatrix.expected(caller, "logistics:read", false, 200);
            assertThat(ids(caller, "/api/v1/warehouses?regionCode=" + region, expected, "id"))
                    .as("warehouses for %s", caller).isEqualTo(expected == 200 ? List.of(warehouse) : List.of());
            assertThat(ids(caller, "/api/v1/stock?warehouseId=" + warehouse, expected, "productId"))
                    .as("stock for %s", caller).isEqualTo(expected == 200 ? List.of(product) : List.of());
            assertThat(ids(caller, "/api/v1/stock/movements?warehouseId=" + warehouse, expected, "productId"))
                    .as("ledger for %s", caller).isEqualTo(expected == 200 ? List.of(product) : List.of());
        }
    }

    private List<String> ids(Caller caller, String uri, int expected, String field) throws Exception {
        String body = mvc.perform(get(uri).with(caller.asCaller())).andExpect(status().is(expected)).andReturn()
                .getResponse().getContentAsString();
        List<String> ids = new ArrayList<>();
        if (expected == 200) {
            json.readTree(body).get("content").forEach(item -> ids.add(item.get(field).asString()));
        }
        return ids;
    }

    @Test
    void requestsWithoutAValidTokenAre401ProblemsBeforeAnythingElse() throws Exception {
        String shipment = shipmentOfOwner();
        TokenChecks checks = new TokenChecks("http://localhost:" + port);
        for (String path : List.of("/api/v1/shipments/" + shipment, "/api/v1/shipments",
                "/api/v1/warehouses/" + stockedWarehouse, "/api/v1/stock")) {
            checks.rejectInvalidTokens("GET", path, null);
        }
        checks.rejectInvalidTokens("POST", "/api/v1/shipments/" + shipment + "/dispatch", null);
        assertThat(api.get("/api/v1/shipments/" + shipment).get("status").asString())
                .as("status after the refused dispatches").isEqualTo("READY");
    }
}

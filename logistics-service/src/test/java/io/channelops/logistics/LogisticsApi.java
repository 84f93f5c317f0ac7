package io.channelops.logistics;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.events.Money;
import io.channelops.events.order.OrderApproved;
import io.channelops.events.order.OrderLine;
import io.channelops.platform.test.Caller;
import io.channelops.platform.test.Callers;
import io.channelops.platform.test.EventProbe;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Test data through the service's own API, and the events other services would send ("mothers"). Writes run as
 * {@link Callers#LOGISTICS} (the only role with {@code logistics:write}); reads as the default caller, who sees all.
 */
public final class LogisticsApi {

    /** Who writes warehouses and receipts in tests. */
    public static final Caller CLERK = Callers.LOGISTICS;

    /** Owner of the orders of {@link #approved(String, OrderLine...)}. */
    public static final Caller REP = Callers.REP_EAST_1;

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final MockMvc mvc;
    private final JsonMapper json;

    public LogisticsApi(MockMvc mvc, JsonMapper json) {
        this.mvc = mvc;
        this.json = json;
    }

    public static String uniqueCode(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    public static String newProductId() {
        return UUID.randomUUID().toString();
    }

    /** Opens a warehouse with a fresh code; returns its id. */
    public String warehouse(String regionCode) throws Exception {
        return warehouseNamed(uniqueCode("W"), regionCode).get("id").asString();
    }

    public JsonNode warehouseNamed(String code, String regionCode) throws Exception {
        String body = """
                {"code":"%s","name":"Warehouse %s","regionCode":"%s"}""".formatted(code, code, regionCode);
        return read(mvc.perform(post("/api/v1/warehouses").with(CLERK.asCaller())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
    }

    /** Receives goods; returns the receipt. */
    public JsonNode receive(String warehouseId, String productId, long quantity) throws Exception {
        String body = """
                {"productId":"%s","quantity":%d,"reference":"PO-test"}""".formatted(productId, quantity);
        return read(mvc.perform(post("/api/v1/warehouses/" + warehouseId + "/receipts").with(CLERK.asCaller())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
    }

    /** The stock level of a product in a warehouse, or null when there is none. */
    public JsonNode level(String warehouseId, String productId) throws Exception {
        JsonNode content = get("/api/v1/stock?warehouseId=" + warehouseId + "&productId=" + productId)
                .get("content");
        return content.isEmpty() ? null : content.get(0);
    }

    public JsonNode shipmentsOf(String orderId) throws Exception {
        return get("/api/v1/shipments?orderId=" + orderId).get("content");
    }

    /**
     * A fresh READY shipment of an order owned by {@code owner}, made the way production makes one: an
     * {@code OrderApproved} of one unit of {@code productId} (which must be in stock) through the broker. Returns the
     * shipment.
     */
    public JsonNode readyShipmentOf(Caller owner, String productId) throws Exception {
        OrderApproved order = approved(owner, UUID.randomUUID().toString(), line(1, productId, 1, "10.00"));
        EventProbe.publish(order, 1);
        await().atMost(WAIT).until(() -> shipmentsOf(order.orderId()).size() == 1);
        return shipmentsOf(order.orderId()).get(0);
    }

    public JsonNode get(String uri) throws Exception {
        return read(mvc.perform(MockMvcRequestBuilders.get(uri)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    private JsonNode read(String body) {
        return json.readTree(body);
    }

    /** An OrderApproved of {@link #REP} as order-service publishes it, in CNY. */
    public static OrderApproved approved(String orderId, OrderLine... lines) {
        return approved(REP, orderId, lines);
    }

    /** An OrderApproved as order-service publishes it, in CNY, of an order owned by {@code owner} in their org. */
    public static OrderApproved approved(Caller owner, String orderId, OrderLine... lines) {
        BigDecimal total = List.of(lines).stream()
                .map(l -> l.unitPrice().multiply(BigDecimal.valueOf(l.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new OrderApproved(orderId, "SO-" + orderId.substring(0, 8), "customer-" + orderId.substring(0, 8),
                owner.id(), List.of(lines), new Money(total, "CNY"), Instant.now(), owner.orgPath());
    }

    public static OrderLine line(int lineNo, String productId, long quantity, String unitPrice) {
        return new OrderLine(lineNo, productId, quantity, new BigDecimal(unitPrice));
    }
}

package io.channelops.logistics;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.events.Money;
import io.channelops.events.order.OrderApproved;
import io.channelops.events.order.OrderLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Test data through the service's own API, and the events other services would send ("mothers"). */
public final class LogisticsApi {

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
        return read(mvc.perform(post("/api/v1/warehouses").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
    }

    /** Receives goods; returns the receipt. */
    public JsonNode receive(String warehouseId, String productId, long quantity) throws Exception {
        String body = """
                {"productId":"%s","quantity":%d,"reference":"PO-test"}""".formatted(productId, quantity);
        return read(mvc.perform(post("/api/v1/warehouses/" + warehouseId + "/receipts")
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

    public JsonNode get(String uri) throws Exception {
        return read(mvc.perform(MockMvcRequestBuilders.get(uri)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    private JsonNode read(String body) {
        return json.readTree(body);
    }

    /** An OrderApproved as order-service publishes it, in CNY. */
    public static OrderApproved approved(String orderId, OrderLine... lines) {
        BigDecimal total = List.of(lines).stream()
                .map(l -> l.unitPrice().multiply(BigDecimal.valueOf(l.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new OrderApproved(orderId, "SO-" + orderId.substring(0, 8), "customer-" + orderId.substring(0, 8),
                "rep-1", List.of(lines), new Money(total, "CNY"), Instant.now());
    }

    public static OrderLine line(int lineNo, String productId, long quantity, String unitPrice) {
        return new OrderLine(lineNo, productId, quantity, new BigDecimal(unitPrice));
    }
}

package io.channelops.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.events.Money;
import io.channelops.events.logistics.ShipmentDispatched;
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
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Test data builders and API shortcuts shared by finance's integration tests. Orders (and so their
 * shipments, invoices and payments) belong to {@link #ORDER_OWNER} unless a test names another owner;
 * credit accounts are opened and payments posted by {@link Callers#FINANCE} (the default caller, a
 * director, may read but not write finance data).
 */
public final class FinanceApi {

    public static final Duration PATIENCE = Duration.ofSeconds(30);

    /** The sales rep who owns the orders the tests approve unless they say otherwise. */
    public static final Caller ORDER_OWNER = Callers.REP_EAST_1;

    private final MockMvc mvc;
    private final JsonMapper json;

    public FinanceApi(MockMvc mvc, JsonMapper json) {
        this.mvc = mvc;
        this.json = json;
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    public static OrderApproved orderApproved(String orderId, String customerId, String total, String currency) {
        return orderApproved(orderId, customerId, total, currency, ORDER_OWNER);
    }

    /** {@code OrderApproved} of an order owned by {@code owner} (its sales rep) in the owner's org path. */
    public static OrderApproved orderApproved(String orderId, String customerId, String total, String currency,
            Caller owner) {
        BigDecimal amount = new BigDecimal(total);
        return new OrderApproved(orderId, "SO-" + orderId.substring(0, 8), customerId, owner.id(),
                List.of(new OrderLine(1, "p-1", 1, amount)), new Money(amount, currency), Instant.now(),
                owner.orgPath());
    }

    public static ShipmentDispatched shipmentDispatched(String shipmentId, String orderId, String customerId,
            String currency, ShipmentDispatched.Line... lines) {
        return shipmentDispatched(shipmentId, orderId, customerId, currency, ORDER_OWNER, lines);
    }

    /** {@code ShipmentDispatched} of an order owned by {@code owner}, carrying the order's ownership. */
    public static ShipmentDispatched shipmentDispatched(String shipmentId, String orderId, String customerId,
            String currency, Caller owner, ShipmentDispatched.Line... lines) {
        return new ShipmentDispatched(shipmentId, orderId, customerId, "wh-1", List.of(lines), currency,
                Instant.now(), owner.id(), owner.orgPath());
    }

    public static ShipmentDispatched.Line line(String productId, long quantity, String unitPrice) {
        return new ShipmentDispatched.Line(productId, quantity, new BigDecimal(unitPrice));
    }

    public static String money(String amount, String currency) {
        return "{\"amount\":" + amount + ",\"currency\":\"" + currency + "\"}";
    }

    public JsonNode read(String body) {
        return json.readTree(body);
    }

    /** Opens a credit account as {@link Callers#FINANCE} (opening one needs credit:write). */
    public JsonNode openAccount(String customerId, String limit, String currency) throws Exception {
        String body = mvc.perform(post("/api/v1/credit-accounts").with(Callers.FINANCE.asCaller())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"customerId\":\"" + customerId + "\",\"creditLimit\":" + money(limit, currency)
                                + "}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return read(body);
    }

    public JsonNode account(String customerId) throws Exception {
        return read(mvc.perform(get("/api/v1/credit-accounts/" + customerId)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    /** The credit account as {@code caller} sees it (the exposure counts only the caller's data scope). */
    public JsonNode account(String customerId, Caller caller) throws Exception {
        return read(mvc.perform(get("/api/v1/credit-accounts/" + customerId).with(caller.asCaller()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    /** Waits until the customer's account matches, e.g. after an event was consumed. */
    public JsonNode awaitAccount(String customerId, Predicate<JsonNode> match) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(150)).ignoreExceptions()
                .untilAsserted(() -> {
                    last.set(account(customerId));
                    assertThat(match.test(last.get())).as("account %s", last.get()).isTrue();
                });
        return last.get();
    }

    public JsonNode check(String customerId, String orderId, String amount, String currency) throws Exception {
        return read(mvc.perform(post("/api/v1/credit-checks").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"customerId\":\"" + customerId + "\",\"orderId\":\"" + orderId + "\",\"amount\":"
                                + money(amount, currency) + "}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    public JsonNode invoicesOf(String orderId) throws Exception {
        return read(mvc.perform(get("/api/v1/invoices").param("orderId", orderId)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    /** Waits until the order has at least one invoice and returns the first (the oldest when several). */
    public JsonNode awaitInvoiceOf(String orderId) {
        AtomicReference<JsonNode> invoice = new AtomicReference<>();
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(150)).untilAsserted(() -> {
            JsonNode page = invoicesOf(orderId);
            assertThat(page.get("content").size()).isPositive();
            invoice.set(page.get("content").get(0));
        });
        return invoice.get();
    }

    /** An approved order of one line, invoiced in full by one shipment: returns the invoice. */
    public JsonNode invoicedOrder(String customerId, String total, String currency) {
        return invoicedOrder(customerId, total, currency, ORDER_OWNER);
    }

    /** An approved order of {@code owner}, invoiced in full by one shipment: returns the invoice. */
    public JsonNode invoicedOrder(String customerId, String total, String currency, Caller owner) {
        String orderId = newId();
        EventProbe.publish(orderApproved(orderId, customerId, total, currency, owner), 1);
        EventProbe.publish(shipmentDispatched(newId(), orderId, customerId, currency, owner, line("p-1", 1, total)),
                1);
        return awaitInvoiceOf(orderId);
    }

    public static BigDecimal amount(JsonNode money) {
        return money.get("amount").decimalValue();
    }
}

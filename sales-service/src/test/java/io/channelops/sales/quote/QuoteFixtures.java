package io.channelops.sales.quote;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.platform.test.Caller;
import io.channelops.platform.test.Callers;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds what quote tests need through the API: products (each in a category of its own, so a price list scoped to
 * that category touches no other test), active price lists, opportunities and quotes in each state.
 */
public final class QuoteFixtures {

    /** Enters price lists. */
    static final Caller PRICE_ENTRY = Callers.MANAGER_EAST;

    private final MockMvc mvc;
    private final JsonMapper json;
    private final JdbcTemplate jdbc;

    public QuoteFixtures(MockMvc mvc, JsonMapper json, JdbcTemplate jdbc) {
        this.mvc = mvc;
        this.json = json;
        this.jdbc = jdbc;
    }

    /** A product created now. */
    public record Product(String id, String sku, String name, String categoryId) {
    }

    /** A customer id no other test uses. */
    public static String uniqueCustomer() {
        return "cust-" + UUID.randomUUID().toString().substring(0, 13).toLowerCase(Locale.ROOT);
    }

    /** Today in the service's zones (UTC). */
    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** An active product in a category of its own, with this list price in CNY and VAT rate. */
    public Product product(String name, String listPrice, String vatRate) {
        String category = send(Callers.DIRECTOR, "/api/v1/product-categories",
                "{\"name\":\"Quotes " + UUID.randomUUID() + "\"}", 201).get("id").asString();
        String sku = "QT-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase(Locale.ROOT);
        JsonNode product = send(Callers.DIRECTOR, "/api/v1/products", """
                {"sku":"%s","name":"%s","listPrice":{"amount":%s,"currency":"CNY"},"categoryId":"%s","vatRate":%s}"""
                .formatted(sku, name, listPrice, category, vatRate), 201);
        return new Product(product.get("id").asString(), sku, name, category);
    }

    /** A product with a list price of 100.00 CNY and 13 % VAT. */
    public Product product() {
        return product("Quoted valve", "100.00", "0.13");
    }

    /**
     * A confirmed price list scoped to the product's category with one line for the product, valid from yesterday.
     * {@code breakJson} is null or a quantity break list such as {@code [{"minQuantity":10,"price":85.00}]}. Returns
     * the list's id.
     *
     * <p>The list goes through its whole life cycle by the API, by three people: entered and submitted by a
     * manager, reviewed by finance, confirmed by the director.
     */
    public String priceList(Product product, String listPrice, String floorPrice, @Nullable String breakJson) {
        JsonNode list = send(PRICE_ENTRY, "/api/v1/price-lists", """
                {"name":"Quotes %s","currency":"CNY","validFrom":"%s","scope":{"categoryId":"%s"},
                 "lines":[{"productId":"%s","listPrice":%s,"floorPrice":%s%s}]}""".formatted(product.sku(),
                today().minusDays(1), product.categoryId(), product.id(), listPrice, floorPrice,
                breakJson == null ? "" : ",\"breaks\":" + breakJson), 201);
        String id = list.get("id").asString();
        send(PRICE_ENTRY, "/api/v1/price-lists/" + id + "/submit", null, 200);
        send(Callers.FINANCE, "/api/v1/price-lists/" + id + "/review", null, 200);
        send(Callers.DIRECTOR, "/api/v1/price-lists/" + id + "/activate", null, 200);
        return id;
    }

    /** Opens an opportunity of {@code caller} for a customer, about {@code quantity} of the product. */
    public String opportunity(Caller caller, String customerId, Product product, int quantity) {
        return send(caller, "/api/v1/opportunities", """
                {"name":"Deal of %s","customerId":"%s","amount":{"amount":5000.00,"currency":"CNY"},
                 "expectedCloseDate":"%s","products":[{"productId":"%s","quantity":%d}]}"""
                .formatted(customerId, customerId, today().plusDays(60), product.id(), quantity), 201)
                .get("id").asString();
    }

    /** A JSON line asking for a unit price ({@code unitPrice}) or a discount ({@code discount}) or neither. */
    public static String line(Product product, int quantity, @Nullable String unitPrice, @Nullable String discount) {
        return "{\"productId\":\"" + product.id() + "\",\"quantity\":" + quantity
                + (unitPrice == null ? "" : ",\"unitPrice\":{\"amount\":" + unitPrice + ",\"currency\":\"CNY\"}")
                + (discount == null ? "" : ",\"discountPercent\":" + discount) + "}";
    }

    /** Creates a draft quote of {@code caller} for a customer with these JSON lines; returns the answer. */
    public JsonNode draft(Caller caller, String customerId, String... lines) {
        return send(caller, "/api/v1/quotes", "{\"customerId\":\"" + customerId + "\",\"lines\":["
                + String.join(",", lines) + "]}", 201);
    }

    /** Creates and submits a quote of {@code caller}; returns the submitted quote. */
    public JsonNode submitted(Caller caller, String customerId, String... lines) {
        String id = draft(caller, customerId, lines).get("id").asString();
        return action(caller, id, "submit", null, 200);
    }

    /** A quote of {@code caller} that was approved on submit (no discount) and sent; returns its id. */
    public String sent(Caller caller, Product product) {
        JsonNode quote = submitted(caller, uniqueCustomer(), line(product, 2, null, null));
        if (!quote.get("status").asString().equals("APPROVED")) {
            throw new IllegalStateException("Expected an approved quote: " + quote);
        }
        String id = quote.get("id").asString();
        action(caller, id, "send", null, 200);
        return id;
    }

    /** Posts an action on a quote and expects a status; returns the answer. */
    public JsonNode action(Caller caller, String id, String action, @Nullable String body, int expected) {
        return send(caller, "/api/v1/quotes/" + id + "/" + action, body, expected);
    }

    /** Reads a quote as the default caller (director at head office). */
    public JsonNode read(String id) {
        try {
            MvcResult result = mvc.perform(get("/api/v1/quotes/" + id)).andExpect(status().isOk()).andReturn();
            return json.readTree(result.getResponse().getContentAsString());
        } catch (Exception e) {
            throw new IllegalStateException("GET quote " + id + " failed", e);
        }
    }

    JsonNode send(Caller caller, String path, @Nullable String body, int expected) {
        try {
            var request = post(path).with(caller.asCaller());
            if (body != null) {
                request = request.contentType(MediaType.APPLICATION_JSON).content(body);
            }
            MvcResult result = mvc.perform(request).andReturn();
            String answer = result.getResponse().getContentAsString();
            if (result.getResponse().getStatus() != expected) {
                throw new AssertionError("POST " + path + " as " + caller + ": expected " + expected + ", got "
                        + result.getResponse().getStatus() + " " + answer);
            }
            return answer.isEmpty() ? json.readTree("{}") : json.readTree(answer);
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("POST " + path + " as " + caller + " failed", e);
        }
    }
}

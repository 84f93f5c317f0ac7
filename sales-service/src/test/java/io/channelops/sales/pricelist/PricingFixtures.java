package io.channelops.sales.pricelist;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.platform.test.Caller;
import io.channelops.platform.test.Callers;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Test data of the pricing tests, made through the HTTP API: categories, products and price lists taken through
 * their approval by three different people (entered by a manager, reviewed by finance, confirmed by a director).
 */
public final class PricingFixtures {

    public static final Caller ENTRY = Callers.MANAGER_EAST;
    public static final Caller REVIEWER = Callers.FINANCE;
    public static final Caller CONFIRMER = Callers.DIRECTOR;

    private final MockMvc mvc;
    private final JsonMapper json;

    public PricingFixtures(MockMvc mvc, JsonMapper json) {
        this.mvc = mvc;
        this.json = json;
    }

    /** A region code no other test uses, so scoped lists of one test never price another's sales. */
    public static String uniqueRegion() {
        return "R" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    public static String uniqueSku() {
        return "PL-" + UUID.randomUUID().toString().substring(0, 12).toUpperCase(Locale.ROOT);
    }

    public String category(String name, @Nullable String parentId) {
        String body = parentId == null ? "{\"name\":\"%s\"}".formatted(name)
                : "{\"name\":\"%s\",\"parentId\":\"%s\"}".formatted(name, parentId);
        return id(perform(post("/api/v1/product-categories").with(Callers.DIRECTOR.asCaller())
                .contentType(MediaType.APPLICATION_JSON).content(body), 201));
    }

    /** A product with this list price (CNY), in the category when given. */
    public String product(String listPrice, @Nullable String categoryId) {
        String category = categoryId == null ? "" : ",\"categoryId\":\"" + categoryId + "\"";
        String sku = uniqueSku();
        return id(perform(post("/api/v1/products").with(Callers.DIRECTOR.asCaller())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"sku":"%s","name":"Priced %s","listPrice":{"amount":%s,"currency":"CNY"}%s}"""
                        .formatted(sku, sku, listPrice, category)), 201));
    }

    /** A DRAFT list entered by {@link #ENTRY}; {@code scope} and {@code lines} are JSON ({@code {}} / {@code []}). */
    public String draft(String name, LocalDate from, @Nullable LocalDate to, String scope, String lines) {
        String validTo = to == null ? "" : ",\"validTo\":\"" + to + "\"";
        return id(perform(post("/api/v1/price-lists").with(ENTRY.asCaller()).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name":"%s","currency":"CNY","validFrom":"%s"%s,"scope":%s,"lines":%s}"""
                        .formatted(name, from, validTo, scope, lines)), 201));
    }

    /** Submits (as {@link #ENTRY}) and reviews (as {@link #REVIEWER}) a draft. */
    public String reviewed(String name, LocalDate from, @Nullable LocalDate to, String scope, String lines) {
        String id = draft(name, from, to, scope, lines);
        perform(post("/api/v1/price-lists/" + id + "/submit").with(ENTRY.asCaller()), 200);
        perform(post("/api/v1/price-lists/" + id + "/review").with(REVIEWER.asCaller()), 200);
        return id;
    }

    /** A list entered, reviewed and confirmed (as {@link #CONFIRMER}): ACTIVE. */
    public String active(String name, LocalDate from, @Nullable LocalDate to, String scope, String lines) {
        String id = reviewed(name, from, to, scope, lines);
        perform(post("/api/v1/price-lists/" + id + "/activate").with(CONFIRMER.asCaller()), 200);
        return id;
    }

    public static String productLine(String productId, String listPrice, String floorPrice, String breaks) {
        return """
                {"productId":"%s","listPrice":%s,"floorPrice":%s,"breaks":%s}"""
                .formatted(productId, listPrice, floorPrice, breaks);
    }

    public static String categoryLine(String categoryId, String listPrice, String floorPrice) {
        return """
                {"categoryId":"%s","listPrice":%s,"floorPrice":%s}""".formatted(categoryId, listPrice, floorPrice);
    }

    public JsonNode read(String path) {
        return body(perform(get(path), 200));
    }

    public JsonNode body(MvcResult result) {
        try {
            return json.readTree(result.getResponse().getContentAsString());
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String id(MvcResult result) {
        return body(result).get("id").asString();
    }

    private MvcResult perform(org.springframework.test.web.servlet.RequestBuilder request, int expected) {
        try {
            MvcResult result = mvc.perform(request).andReturn();
            if (result.getResponse().getStatus() != expected) {
                throw new AssertionError("Expected " + expected + " but got " + result.getResponse().getStatus()
                        + ": " + result.getResponse().getContentAsString());
            }
            return result;
        }
        catch (AssertionError e) {
            throw e;
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

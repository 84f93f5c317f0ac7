package io.channelops.sales;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.channelops.platform.test.AccessMatrix;
import io.channelops.platform.test.Caller;
import io.channelops.platform.test.Callers;
import io.channelops.platform.test.ServiceIntegrationTest;
import io.channelops.platform.test.TokenChecks;
import io.channelops.sales.pricelist.PricingFixtures;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call the catalog's category tree and the price lists, over real HTTP with real tokens. Both are company-wide
 * reference data: every endpoint is checked for its permission only ({@code .unscoped()}).
 *
 * <p>Exception to the plain permission rule: reading price lists (one list, a line, the page, the history) is also
 * open to {@code prices:review} and {@code prices:approve}, because whoever reviews or confirms a list must be able to
 * read it; so FINANCE (prices:review without prices:read) reads them.
 *
 * <p>Four eyes shape the records: lists to review are entered and submitted by {@link #ENTRY}, lists to confirm are
 * also reviewed by {@link #REVIEWER}; neither is a caller of the matrix, so every caller with the step's permission
 * may do it. Each list to confirm has a scope of its own, so confirming one never touches another.
 */
@ServiceIntegrationTest
class PriceListsAccessMatrixIT {

    private static final Caller ENTRY = Callers.user("price entry clerk", "u-price-entry", Callers.HQ, "MANAGER");
    private static final Caller REVIEWER = Callers.user("price reviewer", "u-price-reviewer", Callers.HQ, "FINANCE");

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    private final String run = UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    private final LocalDate tomorrow = LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1);

    @Test
    void everyCategoryAndPriceListEndpointAnswersEveryCallerAsThePermissionsRequire() {
        AccessMatrix matrix = new AccessMatrix("sales-price-lists", "http://localhost:" + port);

        matrix.endpoint("POST", "/api/v1/product-categories").requires("products:write").ok(201).unscoped()
                .record(() -> "new-" + UUID.randomUUID()).body(name -> "{\"name\":\"" + name + "\"}");
        matrix.endpoint("GET", "/api/v1/product-categories/{id}").requires("products:read").unscoped()
                .record(this::category);
        matrix.endpoint("PATCH", "/api/v1/product-categories/{id}").requires("products:write").unscoped()
                .record(this::category).body(id -> "{\"name\":\"Renamed " + id + "\"}")
                .header("If-Match", id -> "\"0\"");
        matrix.endpoint("DELETE", "/api/v1/product-categories/{id}").requires("products:write").ok(204).unscoped()
                .record(this::category);
        matrix.endpoint("GET", "/api/v1/product-categories?size=200&q=" + run).requires("products:read").unscoped()
                .record(this::category);

        Caller finance = Callers.FINANCE;
        matrix.endpoint("POST", "/api/v1/price-lists").requires("prices:write").ok(201).unscoped()
                .record(this::product).body(product -> listJson(PricingFixtures.uniqueRegion(), product));
        matrix.endpoint("GET", "/api/v1/price-lists/{id}").requires("prices:read").unscoped().record(this::draft)
                .expect(finance, 200);
        matrix.endpoint("GET", "/api/v1/price-lists?size=200&q=" + run).requires("prices:read").unscoped()
                .record(this::draft).expect(finance, 200);
        matrix.endpoint("GET", "/api/v1/price-lists/{id}/history").requires("prices:read").unscoped()
                .record(this::draft).expect(finance, 200);
        matrix.endpoint("PUT", "/api/v1/price-lists/{id}").requires("prices:write").unscoped().record(this::draft)
                .body(id -> "{\"name\":\"Renamed " + run + "\",\"currency\":\"CNY\",\"validFrom\":\"" + tomorrow
                        + "\"}")
                .header("If-Match", id -> "\"0\"");
        matrix.endpoint("POST", "/api/v1/price-lists/{id}/lines").requires("prices:write").ok(201).unscoped()
                .record(this::draft).body(id -> PricingFixtures.categoryLine(category(), "10.00", "9.00"));
        matrix.endpoint("GET", "/api/v1/price-lists/{id}").requires("prices:read").unscoped()
                .record(this::lineOfDraft).expect(finance, 200);
        matrix.endpoint("PUT", "/api/v1/price-lists/{id}").requires("prices:write").unscoped()
                .record(this::lineOfDraft)
                .body(path -> PricingFixtures.productLine(productOf(path), "12.00", "9.00", "[]"))
                .header("If-Match", id -> "\"0\"");
        matrix.endpoint("DELETE", "/api/v1/price-lists/{id}").requires("prices:write").ok(204).unscoped()
                .record(this::lineOfDraft).header("If-Match", id -> "\"0\"");
        matrix.endpoint("POST", "/api/v1/price-lists/{id}/submit").requires("prices:write").unscoped()
                .record(this::draft);
        matrix.endpoint("POST", "/api/v1/price-lists/{id}/review").requires("prices:review").unscoped()
                .record(this::submitted);
        matrix.endpoint("POST", "/api/v1/price-lists/{id}/reject").requires("prices:review").unscoped()
                .record(this::submitted).body(id -> "{\"note\":\"Please check the floors\"}");
        matrix.endpoint("POST", "/api/v1/price-lists/{id}/activate").requires("prices:approve").unscoped()
                .record(this::reviewed);

        System.out.println("sales price lists access matrix: " + matrix.caseCount() + " cases");
        matrix.verify();
    }

    @Test
    void answers401ProblemWithoutAValidToken() {
        TokenChecks checks = new TokenChecks("http://localhost:" + port);
        String list = draft();
        checks.rejectInvalidTokens("GET", "/api/v1/price-lists/" + list, null);
        checks.rejectInvalidTokens("GET", "/api/v1/product-categories/" + category(), null);
        checks.rejectInvalidTokens("POST", "/api/v1/price-lists/" + list + "/submit", null);
        checks.rejectInvalidTokens("POST", "/api/v1/price-lists", listJson(PricingFixtures.uniqueRegion(), product()));
    }

    /** A root category whose name carries this run's token. */
    private String category() {
        return id(post("/api/v1/product-categories").with(Callers.DIRECTOR.asCaller())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Matrix " + run + " " + UUID.randomUUID() + "\"}"));
    }

    private String product() {
        return id(post("/api/v1/products").with(Callers.DIRECTOR.asCaller()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"sku\":\"" + PricingFixtures.uniqueSku() + "\",\"name\":\"Matrix " + run + "\","
                        + "\"listPrice\":{\"amount\":20,\"currency\":\"CNY\"}}"));
    }

    private String listJson(String region, String product) {
        return """
                {"name":"Matrix %s","currency":"CNY","validFrom":"%s","scope":{"regionCode":"%s"},"lines":[%s]}"""
                .formatted(run, tomorrow, region, PricingFixtures.productLine(product, "10.00", "8.00", "[]"));
    }

    /** A DRAFT list with one product line, entered by {@link #ENTRY} in a scope of its own. */
    private String draft() {
        return id(post("/api/v1/price-lists").with(ENTRY.asCaller()).contentType(MediaType.APPLICATION_JSON)
                .content(listJson(PricingFixtures.uniqueRegion(), product())));
    }

    /** {@code <list id>/lines/<line id>} of a fresh draft: the {id} of the line endpoints' paths. */
    private String lineOfDraft() {
        String list = draft();
        try {
            MvcResult result = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                    .get("/api/v1/price-lists/" + list)).andReturn();
            var line = json.readTree(result.getResponse().getContentAsString()).get("lines").get(0);
            return list + "/lines/" + line.get("id").asString() + "?product=" + line.get("productId").asString();
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String productOf(String linePath) {
        return linePath.substring(linePath.indexOf("?product=") + "?product=".length());
    }

    private String submitted() {
        String id = draft();
        status(post("/api/v1/price-lists/" + id + "/submit").with(ENTRY.asCaller()));
        return id;
    }

    private String reviewed() {
        String id = submitted();
        status(post("/api/v1/price-lists/" + id + "/review").with(REVIEWER.asCaller()));
        return id;
    }

    private String id(org.springframework.test.web.servlet.RequestBuilder request) {
        try {
            MvcResult result = mvc.perform(request).andReturn();
            if (result.getResponse().getStatus() != 201) {
                throw new IllegalStateException("Could not create: " + result.getResponse().getContentAsString());
            }
            return json.readTree(result.getResponse().getContentAsString()).get("id").asString();
        }
        catch (IllegalStateException e) {
            throw e;
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void status(org.springframework.test.web.servlet.RequestBuilder request) {
        try {
            MvcResult result = mvc.perform(request).andReturn();
            if (result.getResponse().getStatus() != 200) {
                throw new IllegalStateException("Step failed: " + result.getResponse().getContentAsString());
            }
        }
        catch (IllegalStateException e) {
            throw e;
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.channelops.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.platform.test.AccessMatrix;
import io.channelops.platform.test.Caller;
import io.channelops.platform.test.Callers;
import io.channelops.platform.test.ServiceIntegrationTest;
import io.channelops.platform.test.TokenChecks;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what in sales-service, over real HTTP with real tokens. Products and prices are company-wide
 * reference data: every endpoint is checked for its permission only ({@code .unscoped()}: 403 without it, success
 * with it, whatever the caller's org unit), and a request without a valid token answers 401 problem+json.
 */
@ServiceIntegrationTest
class AccessMatrixIT {

    /** Who creates the catalog records under test: only a director holds {@code products:write}. */
    private static final Caller CATALOG_WRITER = Callers.DIRECTOR;

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    private final String run = UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);

    @Test
    void everyEndpointAnswersEveryCallerAsThePermissionsRequire() {
        AccessMatrix matrix = new AccessMatrix("sales-service", "http://localhost:" + port);

        // create: the "record" is the fresh SKU the body creates
        matrix.endpoint("POST", "/api/v1/products").requires("products:write").ok(201).unscoped()
                .record(AccessMatrixIT::uniqueSku).body(this::productJson);
        matrix.endpoint("GET", "/api/v1/products/{id}").requires("products:read").ok(200).unscoped()
                .record(this::product);
        matrix.endpoint("PATCH", "/api/v1/products/{id}").requires("products:write").ok(200).unscoped()
                .record(this::product).body(id -> "{\"name\":\"Renamed " + run + "\"}")
                .header("If-Match", id -> "\"0\"");
        matrix.endpoint("POST", "/api/v1/products/{id}/discontinue").requires("products:write").ok(200).unscoped()
                .record(this::product);

        // the catalog list is not scoped: listing() would expect it filtered, so it runs as endpoint cases
        matrix.endpoint("GET", "/api/v1/products?size=200&q=" + run).requires("products:read").ok(200).unscoped()
                .record(this::product);

        // the effective price has no {id} in its path: the query names one product, created once on first use;
        // pricing it changes nothing, so every case may price the same product
        Supplier<String> priced = once(this::product);
        matrix.endpoint("GET", "/api/v1/prices/effective?quantity=3&productId=" + priced.get())
                .requires("prices:read").ok(200).unscoped().record(priced);

        System.out.println("sales-service access matrix: " + matrix.caseCount() + " cases");
        matrix.verify();
    }

    @Test
    void theWholeCatalogIsVisibleToEveryoneWhoMayReadProductsWhateverTheirOrgUnit() throws Exception {
        String id = product();
        String sku = skuOf(id);
        List<Caller> readers = List.of(Callers.REP_WEST_1, Callers.REP_EAST_2, Callers.MANAGER_WEST,
                Callers.AUDITOR, Callers.LOGISTICS, Callers.ADMIN,
                Callers.client("catalog-reader-west", Callers.WEST, "products:read"));
        for (Caller reader : readers) {
            mvc.perform(get("/api/v1/products").param("q", sku).with(reader.asCaller()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.content[*].id").value(org.hamcrest.Matchers.contains(id)));
            mvc.perform(get("/api/v1/products/" + id).with(reader.asCaller())).andExpect(status().isOk());
        }
        // FINANCE has neither products:read nor prices:read
        mvc.perform(get("/api/v1/products").param("q", sku).with(Callers.FINANCE.asCaller()))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("ACCESS_DENIED"));
    }

    @Test
    void answers401ProblemWithoutAValidTokenAndChangesNothing() throws Exception {
        String id = product();
        String sku = skuOf(id);
        TokenChecks checks = new TokenChecks("http://localhost:" + port);
        for (String path : List.of("/api/v1/products/" + id, "/api/v1/products?q=" + sku,
                "/api/v1/prices/effective?productId=" + id)) {
            // the same request with a valid token works, so a 401 below is the token's doing
            mvc.perform(get(path).with(Callers.REP_EAST_1.asCaller())).andExpect(status().isOk());
            checks.rejectInvalidTokens("GET", path, null);
        }
        // writes without a valid token (a forged "director" among them) neither succeed nor change anything
        checks.rejectInvalidTokens("POST", "/api/v1/products/" + id + "/discontinue", null);
        checks.rejectInvalidTokens("POST", "/api/v1/products", productJson(uniqueSku()));
        mvc.perform(get("/api/v1/products/" + id)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"));
    }

    /** A fresh active product (version 0) whose name carries this run's token; returns its id. */
    private String product() {
        try {
            MvcResult result = mvc.perform(post("/api/v1/products").with(CATALOG_WRITER.asCaller())
                            .contentType(MediaType.APPLICATION_JSON).content(productJson(uniqueSku())))
                    .andExpect(status().isCreated()).andReturn();
            return json.readTree(result.getResponse().getContentAsString()).get("id").asString();
        } catch (Exception e) {
            throw new IllegalStateException("Could not create a product", e);
        }
    }

    private String skuOf(String id) throws Exception {
        MvcResult result = mvc.perform(get("/api/v1/products/" + id)).andExpect(status().isOk()).andReturn();
        JsonNode product = json.readTree(result.getResponse().getContentAsString());
        return product.get("sku").asString();
    }

    private String productJson(String sku) {
        return """
                {"sku":"%s","name":"Matrix valve %s","listPrice":{"amount":42.50,"currency":"CNY"}}"""
                .formatted(sku, run);
    }

    private static String uniqueSku() {
        return "AM-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase(Locale.ROOT);
    }

    /** Calls {@code supplier} the first time only and answers the same value afterwards. */
    private static Supplier<String> once(Supplier<String> supplier) {
        return new Supplier<>() {
            private @Nullable String value;

            @Override
            public synchronized String get() {
                String current = value;
                if (current == null) {
                    current = supplier.get();
                    value = current;
                }
                return current;
            }
        };
    }
}

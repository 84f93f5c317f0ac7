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
import io.channelops.platform.test.tokens.TestIssuer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

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
    void answers401ProblemWithoutAValidTokenAndLeaksNothing() throws Exception {
        String id = product();
        String sku = skuOf(id);
        TestIssuer issuer = TestIssuer.shared();
        Caller rep = Callers.REP_EAST_1;
        Map<String, @Nullable String> authorizations = new LinkedHashMap<>();
        authorizations.put("no token", null);
        authorizations.put("tampered", "Bearer " + issuer.tamperedToken(rep.id(), rep.orgPath()));
        authorizations.put("expired", "Bearer " + issuer.expiredToken(rep.id(), rep.orgPath(), "REP"));
        authorizations.put("alg none", "Bearer " + issuer.unsignedToken(rep.id(), rep.orgPath(), "REP"));
        authorizations.put("foreign key", "Bearer " + issuer.foreignKeyToken(rep.id(), rep.orgPath(), "REP"));
        authorizations.put("wrong issuer", "Bearer " + issuer.wrongIssuerToken(rep.id(), rep.orgPath(), "REP"));
        authorizations.put("wrong audience",
                "Bearer " + issuer.wrongAudienceToken(rep.id(), rep.orgPath(), "REP"));
        authorizations.put("not a JWT", "Bearer not-a-jwt");
        authorizations.put("basic", "Basic dXNlcjpwYXNzd29yZA==");
        List<String> paths = List.of("/api/v1/products/" + id, "/api/v1/products?q=" + sku,
                "/api/v1/prices/effective?productId=" + id);

        for (String path : paths) {
            // the same request with a valid token works, so a 401 below is the token's doing
            assertThat(send("GET", path, rep.bearer(), null).statusCode()).as("GET " + path + " as " + rep)
                    .isEqualTo(200);
            for (Map.Entry<String, @Nullable String> authorization : authorizations.entrySet()) {
                HttpResponse<String> response = send("GET", path, authorization.getValue(), null);
                assertUnauthenticated(response, "GET " + path + " with " + authorization.getKey(), sku);
            }
        }
        // a write with a forged "director" token neither succeeds nor changes anything
        HttpResponse<String> forged = send("POST", "/api/v1/products/" + id + "/discontinue",
                "Bearer " + issuer.tamperedToken(rep.id(), rep.orgPath()), null);
        assertUnauthenticated(forged, "discontinue with a tampered token", sku);
        HttpResponse<String> created = send("POST", "/api/v1/products", null, productJson(uniqueSku()));
        assertUnauthenticated(created, "create without a token", sku);
        mvc.perform(get("/api/v1/products/" + id)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"));
    }

    private static void assertUnauthenticated(HttpResponse<String> response, String what, String sku) {
        assertThat(response.statusCode()).as(what).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).as(what + " content type")
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate")).as(what + " challenge")
                .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
        assertThat(response.body()).as(what + " body").contains("\"code\":\"UNAUTHENTICATED\"")
                .doesNotContain(sku);
    }

    private HttpResponse<String> send(String method, String path, @Nullable String authorization,
            @Nullable String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
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

package io.channelops.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The gateway in front of seven healthy services (one WireMock each), called with a valid token. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT30S")
class GatewayRoutingTest {

    private static final String REQUEST_ID = "X-Request-Id";
    private static final Downstreams downstreams = Downstreams.start();

    private static final String PROBLEM_404 = """
            {"type":"https://channelops.io/problems/not-found","title":"Not found","status":404,\
            "code":"NOT_FOUND","detail":"order o-404 was not found","traceId":"from-order-service"}""";

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        downstreams.register(registry);
        Issuer.register(registry);
    }

    @AfterAll
    static void stopServices() {
        downstreams.stop();
    }

    @Autowired
    WebTestClient client;

    @BeforeEach
    void healthyServices() {
        client = client.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, Issuer.rep()).build();
        downstreams.answerEachWithItsName();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/api/v1/customers/c-1, customer",
            "/api/v1/customers, customer",
            "/api/v1/customers/imports/j-1, customer",
            "/api/v1/customer-attributes, customer",
            "/api/v1/activities/a-1, customer",
            "/api/v1/tasks/overdue, customer",
            "/api/v1/cases/breached, customer",
            "/api/v1/products/p-1, sales",
            "/api/v1/product-categories/pc-1, sales",
            "/api/v1/prices/effective, sales",
            "/api/v1/price-lists/pl-1/submit, sales",
            "/api/v1/leads/l-1, sales",
            "/api/v1/lead-scoring/rules, sales",
            "/api/v1/lead-assignment-rules, sales",
            "/api/v1/opportunities/op-1, sales",
            "/api/v1/pipeline/stages, sales",
            "/api/v1/forecast, sales",
            "/api/v1/forecast/overrides/u-1/2026-Q4, sales",
            "/api/v1/quotes/q-1, sales",
            "/api/v1/orders/o-1, order",
            "/api/v1/warehouses/w-1, logistics",
            "/api/v1/stock/levels, logistics",
            "/api/v1/shipments/s-1, logistics",
            "/api/v1/credit-accounts/ca-1, finance",
            "/api/v1/invoices/i-1, finance",
            "/api/v1/payments/pay-1, finance",
            "/api/v1/kpi/leaderboards, kpi",
            "/api/v1/admin/customer/dead-letters, customer",
            "/api/v1/admin/sales/dead-letters, sales",
            "/api/v1/admin/order/dead-letters, order",
            "/api/v1/admin/logistics/dead-letters, logistics",
            "/api/v1/admin/finance/dead-letters, finance",
            "/api/v1/admin/kpi/dead-letters, kpi",
            "/api/v1/admin/org-units/ou-1, identity",
            "/api/v1/admin/users/u-1, identity",
            "/api/v1/admin/clients/erp-connector, identity",
            "/api/v1/admin/signing-keys, identity",
    })
    void routesEachPathToItsServiceWithThePathUnchanged(String path, String service) {
        client.get().uri(path + "?page=1&size=20").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.from").isEqualTo(service);

        downstreams.service(service).verify(1, getRequestedFor(urlEqualTo(path + "?page=1&size=20")));
    }

    @Test
    void forwardsMethodBodyAndHeadersToTheService() {
        downstreams.service("order").stubFor(post("/api/v1/orders")
                .willReturn(aResponse().withStatus(201).withHeader("Location", "/api/v1/orders/o-9")
                        .withHeader("ETag", "\"1\"").withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"o-9\"}")));

        String authorization = Issuer.admin();
        client.post().uri("/api/v1/orders")
                .header("Idempotency-Key", "k-1")
                .header(HttpHeaders.AUTHORIZATION, authorization)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"customerId\":\"c-1\"}")
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/api/v1/orders/o-9")
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody().jsonPath("$.id").isEqualTo("o-9");

        downstreams.service("order").verify(postRequestedFor(urlEqualTo("/api/v1/orders"))
                .withHeader("Idempotency-Key", equalTo("k-1"))
                .withHeader(HttpHeaders.AUTHORIZATION, equalTo(authorization))
                .withRequestBody(equalTo("{\"customerId\":\"c-1\"}")));
    }

    @Test
    void keepsTheCachingHeadersAServiceAnswersWith() {
        downstreams.service("sales").stubFor(get("/api/v1/products/p-1").willReturn(okJson("{}")
                .withHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=60").withHeader(HttpHeaders.ETAG, "\"7\"")));

        client.get().uri("/api/v1/products/p-1").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "private, max-age=60")
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"7\"")
                .expectHeader().doesNotExist(HttpHeaders.PRAGMA)
                .expectHeader().doesNotExist(HttpHeaders.EXPIRES);
    }

    @Test
    void forwardsApiDocsOfAServiceToItsOwnApiDocsPath() {
        client.get().uri("/v3/api-docs/order").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.from").isEqualTo("order");

        downstreams.service("order").verify(1, getRequestedFor(urlEqualTo("/v3/api-docs")));
    }

    @Test
    void passesADownstreamNotFoundProblemThroughUntouched() {
        downstreams.service("order").stubFor(get("/api/v1/orders/o-404").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withBody(PROBLEM_404)));

        client.get().uri("/api/v1/orders/o-404").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).isEqualTo(PROBLEM_404);
    }

    @Test
    void passesADownstreamConflictProblemThroughUntouched() {
        String conflict = """
                {"type":"https://channelops.io/problems/illegal-state-transition","title":"Action not allowed in this state",\
                "status":409,"code":"ILLEGAL_STATE_TRANSITION","detail":"Cannot accept quote q-1 in state EXPIRED",\
                "traceId":"from-sales-service"}""";
        downstreams.service("sales").stubFor(post("/api/v1/quotes/q-1/accept").willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/problem+json").withBody(conflict)));

        client.post().uri("/api/v1/quotes/q-1/accept").exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).isEqualTo(conflict);
    }

    @Test
    void downstreamServerErrorsPassThroughAndDoNotOpenTheCircuitBreaker() {
        String error = """
                {"code":"INTERNAL_ERROR","status":500}""";
        downstreams.service("customer").stubFor(get("/api/v1/customers/broken").willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/problem+json").withBody(error)));

        // the breaker would open after 10 calls (half of them failed) if these answers counted
        for (int i = 0; i < 12; i++) {
            client.get().uri("/api/v1/customers/broken").exchange()
                    .expectStatus().isEqualTo(500)
                    .expectBody(String.class).isEqualTo(error);
        }
        client.get().uri("/api/v1/customers/c-1").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.from").isEqualTo("customer");
    }

    @Test
    void generatesARequestIdSendsItDownstreamAndReturnsIt() {
        String requestId = client.get().uri("/api/v1/orders/o-1").exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst(REQUEST_ID);

        assertThat(requestId).isNotNull();
        assertThat(UUID.fromString(requestId)).isNotNull();
        assertThat(onlyRequestTo("order").getHeader(REQUEST_ID)).isEqualTo(requestId);
    }

    @Test
    void keepsAValidIncomingRequestId() {
        client.get().uri("/api/v1/invoices/i-1").header(REQUEST_ID, "shop-42:order.7_a-b").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(REQUEST_ID, "shop-42:order.7_a-b");

        assertThat(onlyRequestTo("finance").getHeader(REQUEST_ID)).isEqualTo("shop-42:order.7_a-b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"has spaces", "<script>", "a/b", "",
            "x12345678901234567890123456789012345678901234567890123456789012345"})
    void replacesAnInvalidIncomingRequestId(String invalid) {
        String requestId = client.get().uri("/api/v1/kpi/scorecards").header(REQUEST_ID, invalid).exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst(REQUEST_ID);

        assertThat(requestId).isNotEqualTo(invalid);
        assertThat(UUID.fromString(requestId)).isNotNull();
        assertThat(onlyRequestTo("kpi").getHeader(REQUEST_ID)).isEqualTo(requestId);
    }

    @Test
    void returnsOneRequestIdEvenWhenTheServiceEchoesItToo() {
        downstreams.service("customer").stubFor(get("/api/v1/customers/c-2")
                .willReturn(okJson("{}").withHeader(REQUEST_ID, "req-7")));

        List<String> returned = client.get().uri("/api/v1/customers/c-2").header(REQUEST_ID, "req-7")
                .exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().get(REQUEST_ID);

        assertThat(returned).containsExactly("req-7");
    }

    @Test
    void allowsACorsPreflightFromAConfiguredOrigin() {
        client.options().uri("/api/v1/orders")
                .header(HttpHeaders.ORIGIN, "http://localhost:5173")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "Authorization, Content-Type, Idempotency-Key")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:5173")
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, methods -> assertThat(methods)
                        .contains("POST", "PATCH", "DELETE"))
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, headers -> assertThat(headers)
                        .containsIgnoringCase("Idempotency-Key").containsIgnoringCase("Authorization"));

        downstreams.service("order").verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void exposesTheDocumentedResponseHeadersToAConfiguredOrigin() {
        client.get().uri("/api/v1/orders/o-1")
                .header(HttpHeaders.ORIGIN, "http://localhost:3000")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:3000")
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, exposed -> assertThat(exposed)
                        .contains("Location", "ETag", "X-Request-Id", "Idempotent-Replayed"));
    }

    @Test
    void refusesACorsPreflightFromAnotherOrigin() {
        client.method(HttpMethod.OPTIONS).uri("/api/v1/orders")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);

        downstreams.service("order").verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void answersAnUnknownPathWithANotFoundProblem() {
        client.get().uri("/api/v1/unknown-things/1").header(REQUEST_ID, "req-404").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(REQUEST_ID, "req-404")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://channelops.io/problems/not-found")
                .jsonPath("$.title").isEqualTo("Not found")
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.code").isEqualTo("NOT_FOUND")
                .jsonPath("$.detail").isEqualTo("No route matches GET /api/v1/unknown-things/1")
                .jsonPath("$.traceId").isEqualTo("req-404");
        for (String service : Downstreams.SERVICES) {
            downstreams.service(service).verify(0, anyRequestedFor(anyUrl()));
        }
    }

    @Test
    void answersAnUnknownPathInChineseWhenAskedTo() {
        client.get().uri("/api/v1/unknown-things/1").header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN,zh;q=0.9").exchange()
                .expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.code").isEqualTo("NOT_FOUND")
                .jsonPath("$.title").isEqualTo("未找到");
    }

    @Test
    void doesNotServeTheFallbackEndpointToClients() {
        client.get().uri("/fallback/order").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
    }

    @Test
    void listsEveryServiceInTheSwaggerUiConfig() {
        client.get().uri("/v3/api-docs/swagger-config").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.urls.length()").isEqualTo(7)
                .jsonPath("$.urls[?(@.name == 'customer')].url").isEqualTo("/v3/api-docs/customer")
                .jsonPath("$.urls[?(@.name == 'sales')].url").isEqualTo("/v3/api-docs/sales")
                .jsonPath("$.urls[?(@.name == 'order')].url").isEqualTo("/v3/api-docs/order")
                .jsonPath("$.urls[?(@.name == 'logistics')].url").isEqualTo("/v3/api-docs/logistics")
                .jsonPath("$.urls[?(@.name == 'finance')].url").isEqualTo("/v3/api-docs/finance")
                .jsonPath("$.urls[?(@.name == 'kpi')].url").isEqualTo("/v3/api-docs/kpi")
                .jsonPath("$.urls[?(@.name == 'identity')].url").isEqualTo("/v3/api-docs/identity");
    }

    @Test
    void servesTheSwaggerUi() {
        client.get().uri("/swagger-ui.html").exchange()
                .expectStatus().is3xxRedirection();
        client.get().uri("/swagger-ui/index.html").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
    }

    @Test
    void isReadyAndAliveWithoutAskingAnyService() {
        client.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        client.get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");

        for (String service : Downstreams.SERVICES) {
            downstreams.service(service).verify(0, anyRequestedFor(anyUrl()));
        }
    }

    @Test
    void exposesPrometheusMetricsTaggedWithTheServiceName() {
        client.get().uri("/api/v1/orders/o-1").exchange().expectStatus().isOk();

        client.get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, Issuer.metricsScraper()).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(metrics -> assertThat(metrics)
                        .contains("service=\"gateway\"")
                        .contains("spring_cloud_gateway_requests")
                        .contains("resilience4j_circuitbreaker_state{group=\"order-service\""));
    }

    private LoggedRequest onlyRequestTo(String service) {
        List<LoggedRequest> requests = downstreams.service(service).findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).hasSize(1);
        return requests.getFirst();
    }
}

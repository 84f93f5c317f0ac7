package io.channelops.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.channelops.gateway.Issuer.ISSUER;
import static io.channelops.gateway.Issuer.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The token check, through the gateway to WireMock services: which tokens get through (and reach the service
 * with their {@code Authorization} header unchanged), which are refused before any service is called, and which
 * paths are public. Tokens come from the JVM's {@code TestIssuer}, which the gateway trusts here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT30S")
class TokenCheckTest {

    private static final String REQUEST_ID = "X-Request-Id";
    private static final String ORDER = "/api/v1/orders/o-1";
    private static final Downstreams downstreams = Downstreams.start();

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
        downstreams.answerEachWithItsName();
    }

    @Test
    void rejectsARequestWithoutAToken() {
        client.get().uri(ORDER).header(REQUEST_ID, "req-no-token").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().valueEquals(REQUEST_ID, "req-no-token")
                .expectBody().json("""
                        {"type":"https://channelops.io/problems/unauthenticated","title":"Authentication required",
                         "status":401,"code":"UNAUTHENTICATED","detail":"A valid bearer access token is required",
                         "traceId":"req-no-token"}""", true);
        assertNoServiceCalled();
    }

    @Test
    void rejectsAnUnsignedToken() {
        assertRejected(bearer(ISSUER.unsignedToken("u-admin-1", "/acme", "ADMIN")));
    }

    @Test
    void rejectsATokenSignedByAForeignKey() {
        assertRejected(bearer(ISSUER.foreignKeyToken("u-admin-1", "/acme", "ADMIN")));
    }

    @Test
    void rejectsAnExpiredToken() {
        assertRejected(bearer(ISSUER.expiredToken("u-rep-1", "/acme/north", "REP")));
    }

    @Test
    void rejectsATokenOfAnotherIssuer() {
        assertRejected(bearer(ISSUER.wrongIssuerToken("u-rep-1", "/acme/north", "REP")));
    }

    @Test
    void rejectsATokenForAnotherAudience() {
        assertRejected(bearer(ISSUER.wrongAudienceToken("u-rep-1", "/acme/north", "REP")));
    }

    @Test
    void rejectsATokenWhosePayloadWasTamperedWith() {
        assertRejected(bearer(ISSUER.tamperedToken("u-rep-1", "/acme/north")));
    }

    @Test
    void rejectsAGarbageBearerToken() {
        assertRejected("Bearer not-a-jwt");
    }

    @Test
    void rejectsABearerHeaderWithCharactersNoTokenHas() {
        assertRejected("Bearer " + ISSUER.userToken("u-rep-1", "/acme/north", "REP") + " extra");
    }

    @Test
    void rejectsBasicCredentials() {
        assertRejected("Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void rejectsAValidTokenSentWithoutTheBearerScheme() {
        assertRejected(ISSUER.userToken("u-rep-1", "/acme/north", "REP"));
    }

    @Test
    void rejectsAValidTokenInTheQueryString() {
        client.get().uri(ORDER + "?access_token=" + ISSUER.userToken("u-rep-1", "/acme/north", "REP")).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
        assertNoServiceCalled();
    }

    @Test
    void forwardsAValidUserTokenWithTheAuthorizationHeaderUnchanged() {
        String authorization = Issuer.rep();

        client.get().uri(ORDER).header(HttpHeaders.AUTHORIZATION, authorization).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.from").isEqualTo("order");

        downstreams.service("order").verify(1, getRequestedFor(urlEqualTo(ORDER))
                .withHeader(HttpHeaders.AUTHORIZATION, equalTo(authorization)));
    }

    @Test
    void forwardsAValidClientCredentialsToken() {
        String authorization = bearer(ISSUER.clientToken("erp-connector", "/acme", "orders:read"));

        client.get().uri("/api/v1/invoices/i-1").header(HttpHeaders.AUTHORIZATION, authorization).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.from").isEqualTo("finance");

        downstreams.service("finance").verify(1, getRequestedFor(urlEqualTo("/api/v1/invoices/i-1"))
                .withHeader(HttpHeaders.AUTHORIZATION, equalTo(authorization)));
    }

    @Test
    void answersUnauthenticatedInChineseWhenAskedTo() {
        client.get().uri(ORDER).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN,zh;q=0.9").exchange()
                .expectStatus().isUnauthorized()
                .expectBody()
                .jsonPath("$.code").isEqualTo("UNAUTHENTICATED")
                .jsonPath("$.title").isEqualTo("需要身份验证")
                .jsonPath("$.detail").isEqualTo("需要有效的 Bearer 访问令牌");
    }

    @Test
    void refusesAnUnknownPathWithoutATokenRatherThanSayingItDoesNotExist() {
        client.get().uri("/api/v1/unknown-things/1").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void servesTheHealthProbesWithoutAToken() {
        for (String probe : new String[] {"/actuator/health", "/actuator/health/liveness",
                "/actuator/health/readiness"}) {
            client.get().uri(probe).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("UP");
        }
    }

    @Test
    void refusesPrometheusWithoutAToken() {
        client.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void servesPrometheusToAClientWithTheMetricsReadScope() {
        // the exposition with latency histograms is larger than the client's default 256 KB buffer
        client.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build()
                .get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, Issuer.metricsScraper()).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(metrics -> assertThat(metrics).contains("service=\"gateway\"")
                        .contains("http_server_requests_seconds_bucket"));
    }

    @Test
    void servesPrometheusToAnAdmin() {
        client.get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, Issuer.admin()).exchange()
                .expectStatus().isOk();
    }

    @Test
    void refusesPrometheusToAUserWithoutTheAdminRole() {
        client.get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, Issuer.rep())
                .header(REQUEST_ID, "req-403").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"")
                .expectBody().json("""
                        {"type":"https://channelops.io/problems/access-denied","title":"Access denied",
                         "status":403,"code":"ACCESS_DENIED","detail":"The token does not allow this request",
                         "traceId":"req-403"}""", true);
    }

    @Test
    void refusesPrometheusToAClientWithoutTheMetricsReadScope() {
        client.get().uri("/actuator/prometheus")
                .header(HttpHeaders.AUTHORIZATION, bearer(ISSUER.clientToken("erp-connector", "/acme", "orders:read")))
                .exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("ACCESS_DENIED");
    }

    @Test
    void protectsTheOtherActuatorEndpointsLikePrometheus() {
        for (String endpoint : new String[] {"/actuator", "/actuator/info"}) {
            client.get().uri(endpoint).exchange()
                    .expectStatus().isUnauthorized();
            client.get().uri(endpoint).header(HttpHeaders.AUTHORIZATION, Issuer.rep()).exchange()
                    .expectStatus().isForbidden();
            client.get().uri(endpoint).header(HttpHeaders.AUTHORIZATION, Issuer.metricsScraper()).exchange()
                    .expectStatus().isOk();
        }
    }

    @Test
    void answersACorsPreflightWithoutAToken() {
        client.options().uri("/api/v1/orders")
                .header(HttpHeaders.ORIGIN, "http://localhost:5173")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "Authorization, Content-Type")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:5173")
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, methods -> assertThat(methods)
                        .contains("POST"))
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, headers -> assertThat(headers)
                        .containsIgnoringCase("Authorization"));
        assertNoServiceCalled();
    }

    @Test
    void requiresATokenForAnOptionsRequestThatIsNoPreflight() {
        client.method(HttpMethod.OPTIONS).uri("/api/v1/orders").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
        assertNoServiceCalled();
    }

    @Test
    void letsABrowserReadTheUnauthenticatedAnswer() {
        client.get().uri(ORDER).header(HttpHeaders.ORIGIN, "http://localhost:3000").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:3000")
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, exposed -> assertThat(exposed)
                        .contains("X-Request-Id"));
    }

    @Test
    void servesTheApiDocsAndTheSwaggerUiWithoutAToken() {
        client.get().uri("/swagger-ui.html").exchange()
                .expectStatus().is3xxRedirection();
        client.get().uri("/swagger-ui/index.html").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
        client.get().uri("/swagger-ui/swagger-initializer.js").exchange()
                .expectStatus().isOk();
        client.get().uri("/v3/api-docs/swagger-config").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.urls.length()").isEqualTo(Downstreams.SERVICES.size());
        client.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk();
        for (String service : Downstreams.SERVICES) {
            client.get().uri("/v3/api-docs/" + service).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.from").isEqualTo(service);
        }
    }

    @Test
    void requiresATokenToWriteToTheApiDocsPaths() {
        client.post().uri("/v3/api-docs/order").exchange()
                .expectStatus().isUnauthorized();
        downstreams.service("order").verify(0, anyRequestedFor(anyUrl()));
    }

    /** Refused as not authenticated, and no service saw the request. */
    private void assertRejected(String authorization) {
        client.get().uri(ORDER).header(HttpHeaders.AUTHORIZATION, authorization).header(REQUEST_ID, "req-bad")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.code").isEqualTo("UNAUTHENTICATED")
                .jsonPath("$.traceId").isEqualTo("req-bad");
        assertNoServiceCalled();
    }

    private static void assertNoServiceCalled() {
        for (String service : Downstreams.SERVICES) {
            downstreams.service(service).verify(0, anyRequestedFor(anyUrl()));
        }
    }
}

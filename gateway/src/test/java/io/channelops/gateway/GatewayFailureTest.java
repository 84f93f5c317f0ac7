package io.channelops.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway when services fail to answer: order-service is down (nothing listens on its port),
 * logistics-service is slower than its 500 ms response timeout, kpi-service resets connections.
 * Circuit breakers open after 4 calls here, so each test owns its service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "channelops.gateway.services.logistics.response-timeout=500ms",
        "channelops.gateway.circuit-breaker.sliding-window-size=4",
        "channelops.gateway.circuit-breaker.minimum-number-of-calls=4",
        "channelops.gateway.circuit-breaker.wait-duration-in-open-state=60s",
})
@AutoConfigureWebTestClient(timeout = "PT30S")
class GatewayFailureTest {

    private static final Downstreams downstreams = Downstreams.start("order");

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
    void withAToken() {
        client = client.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, Issuer.rep()).build();
    }

    @Test
    void answersServiceUnavailableWhenTheServiceIsDown() {
        client.post().uri("/api/v1/orders/o-1/submit").header("X-Request-Id", "req-down-1").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("X-Request-Id", "req-down-1")
                .expectBody().json("""
                        {"type":"https://channelops.io/problems/service-unavailable","title":"Service unavailable",
                         "status":503,"code":"SERVICE_UNAVAILABLE",
                         "detail":"order-service is unavailable; try again later","traceId":"req-down-1"}""", true);
    }

    @Test
    void answersServiceUnavailableInChineseWhenAskedTo() {
        client.get().uri("/api/v1/admin/order/dead-letters").header(HttpHeaders.ACCEPT_LANGUAGE, "zh").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody()
                .jsonPath("$.code").isEqualTo("SERVICE_UNAVAILABLE")
                .jsonPath("$.title").isEqualTo("服务不可用")
                .jsonPath("$.detail").isEqualTo("order-service 暂不可用，请稍后重试");
    }

    @Test
    void answersServiceUnavailableForTheApiDocsOfAServiceThatIsDown() {
        client.get().uri("/v3/api-docs/order").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.code").isEqualTo("SERVICE_UNAVAILABLE");
    }

    @Test
    void answersGatewayTimeoutWhenTheServiceIsSlowerThanItsResponseTimeout() {
        downstreams.service("logistics").stubFor(get("/api/v1/shipments/s-1")
                .willReturn(okJson("{}").withFixedDelay(3_000)));

        client.get().uri("/api/v1/shipments/s-1").header("X-Request-Id", "req-slow-1").exchange()
                .expectStatus().isEqualTo(504)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://channelops.io/problems/gateway-timeout")
                .jsonPath("$.title").isEqualTo("Gateway timeout")
                .jsonPath("$.status").isEqualTo(504)
                .jsonPath("$.code").isEqualTo("GATEWAY_TIMEOUT")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .startsWith("logistics-service did not answer in time"))
                .jsonPath("$.traceId").isEqualTo("req-slow-1");
    }

    @Test
    void opensTheBreakerAfterRepeatedFailuresAndStopsCallingTheService() {
        downstreams.service("kpi").stubFor(any(anyUrl())
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        for (int i = 0; i < 4; i++) {
            client.get().uri("/api/v1/kpi/leaderboards").exchange()
                    .expectStatus().isEqualTo(503)
                    .expectBody().jsonPath("$.detail").isEqualTo("kpi-service is unavailable; try again later");
        }
        downstreams.service("kpi").resetAll();
        downstreams.service("kpi").stubFor(any(anyUrl()).willReturn(okJson("{}")));

        client.get().uri("/api/v1/kpi/leaderboards").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.code").isEqualTo("SERVICE_UNAVAILABLE");
        downstreams.service("kpi").verify(0, anyRequestedFor(anyUrl()));
    }
}

package io.channelops.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
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
 * The gateway while identity-service is down (nothing listens where its JWKS should be): it starts and is ready,
 * since the keys are fetched on the first token, and a token it cannot check is neither let through nor called
 * invalid.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT30S")
class TokenCheckWithoutIdentityServiceTest {

    private static final Downstreams downstreams = Downstreams.start();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        downstreams.register(registry);
        Issuer.register(registry);
        int closed = closedPort();
        registry.add("channelops.security.jwk-set-uri", () -> "http://127.0.0.1:" + closed + "/oauth2/jwks");
    }

    @AfterAll
    static void stopServices() {
        downstreams.stop();
    }

    @Autowired
    WebTestClient client;

    @BeforeEach
    void healthyServices() {
        downstreams.resetAll();
        downstreams.service("order").stubFor(any(anyUrl()).willReturn(okJson("{}")));
    }

    @Test
    void startsAndIsReadyWhileTheSigningKeysCannotBeFetched() {
        client.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void answersServiceUnavailableForATokenItCannotCheck() {
        client.get().uri("/api/v1/orders/o-1").header(HttpHeaders.AUTHORIZATION, Issuer.rep())
                .header("X-Request-Id", "req-no-keys").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().json("""
                        {"type":"https://channelops.io/problems/service-unavailable","title":"Service unavailable",
                         "status":503,"code":"SERVICE_UNAVAILABLE",
                         "detail":"Access tokens cannot be checked now; try again later","traceId":"req-no-keys"}""",
                        true);
        downstreams.service("order").verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void stillRefusesARequestWithoutAToken() {
        client.get().uri("/api/v1/orders/o-1").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
        downstreams.service("order").verify(0, anyRequestedFor(anyUrl()));
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}

package io.channelops.gateway;

import io.channelops.platform.test.tokens.TestIssuer;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * identity-service as the tests see it: the JVM's {@link TestIssuer}, the gateway pointed at it, and the
 * {@code Authorization} values of the usual callers.
 */
final class Issuer {

    static final TestIssuer ISSUER = TestIssuer.shared();

    private Issuer() {
    }

    /** Makes the gateway accept the test issuer's tokens. */
    static void register(DynamicPropertyRegistry registry) {
        registry.add("channelops.security.issuer", ISSUER::issuer);
        registry.add("channelops.security.jwk-set-uri", ISSUER::jwksUri);
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    /** A sales rep: a valid token without any special right. */
    static String rep() {
        return bearer(ISSUER.userToken("u-rep-1", "/acme/north", "REP"));
    }

    /** An administrator (role {@code ADMIN}). */
    static String admin() {
        return bearer(ISSUER.userToken("u-admin-1", "/acme", "ADMIN"));
    }

    /** The metrics scraper: a client-credentials token with the {@code metrics:read} scope. */
    static String metricsScraper() {
        return bearer(ISSUER.clientToken("prometheus", "/acme", "metrics:read"));
    }
}

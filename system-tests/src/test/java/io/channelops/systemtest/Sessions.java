package io.channelops.systemtest;

import io.channelops.platform.test.tokens.OAuthFlows;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real tokens from the stack's identity-service: users log in through authorization code + PKCE as the
 * {@code channelops-web} client (the login form, as a browser would), integration and service clients use client
 * credentials. Tokens are reused until they are ten minutes old (they live fifteen).
 */
final class Sessions {

    /** The local demo password of every seeded user. */
    static final String DEMO_PASSWORD = "local-demo-password";

    private static final Duration REUSE_FOR = Duration.ofMinutes(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OAuthFlows identity;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    Sessions(String issuerUrl) {
        this.identity = new OAuthFlows(issuerUrl);
    }

    private record Token(String value, Instant at) {
    }

    /** A user's access token, supplied fresh enough for every call. */
    Supplier<String> user(String username, String password) {
        return reused("user:" + username, () -> login(username, password));
    }

    /** A client-credentials token. */
    Supplier<String> client(String clientId, String secret, String scope) {
        return reused("client:" + clientId + ":" + scope, () -> clientCredentials(clientId, secret, scope));
    }

    private Supplier<String> reused(String key, Supplier<String> fetch) {
        return () -> tokens.compute(key, (k, token) -> token != null
                && token.at().plus(REUSE_FOR).isAfter(Instant.now()) ? token
                : new Token(fetch.get(), Instant.now())).value();
    }

    private String login(String username, String password) {
        try {
            JsonNode response = identity.authorizationCode("channelops-web", "http://127.0.0.1:9999/callback",
                    username, password);
            return response.path("access_token").asString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String clientCredentials(String clientId, String secret, String scope) {
        try {
            var response = identity.clientCredentials(clientId, secret, scope);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("No token for " + clientId + ": " + response.body());
            }
            return JSON.readTree(response.body()).path("access_token").asString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package io.channelops.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelops.platform.test.tokens.TestIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asserts over real HTTP that a service answers every invalid {@code Authorization} (none, unsigned, foreign key,
 * expired, wrong issuer or audience, edited payload, wrong scheme, not a JWT) with a 401 problem+json
 * {@code UNAUTHENTICATED} and {@code WWW-Authenticate: Bearer}, whatever the caller claims to be.
 *
 * <pre>{@code
 * TokenChecks checks = new TokenChecks("http://localhost:" + port);
 * checks.rejectInvalidTokens("GET", "/api/v1/customers/" + id, null);
 * checks.rejectInvalidTokens("POST", "/api/v1/customers", body);   // and assert nothing was written
 * }</pre>
 */
public final class TokenChecks {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;

    public TokenChecks(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** @return how many requests were refused */
    public int rejectInvalidTokens(String method, String path, @Nullable String body) {
        Map<String, String> authorizations = TestIssuer.shared().invalidAuthorizations(Callers.DIRECTOR.id(),
                Callers.DIRECTOR.orgPath(), "DIRECTOR", "ADMIN");
        for (var authorization : authorizations.entrySet()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (!authorization.getValue().isEmpty()) {
                request.header("Authorization", authorization.getValue());
            }
            HttpResponse<String> response = send(request.build());
            String what = method + " " + path + " with " + authorization.getKey();
            assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).as(what).get().asString()
                    .startsWith("application/problem+json");
            assertThat(JSON.readTree(response.body()).path("code").asString()).as(what).isEqualTo("UNAUTHENTICATED");
            assertThat(response.headers().firstValue("WWW-Authenticate")).as(what).get().asString()
                    .startsWith("Bearer");
        }
        return authorizations.size();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

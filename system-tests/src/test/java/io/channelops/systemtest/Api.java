package io.channelops.systemtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small JSON client for the gateway, the way an integration client would call it, with a bearer token. */
final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final Supplier<String> token;

    /** Calls without a token. */
    Api(String baseUrl) {
        this(baseUrl, () -> "");
    }

    /** Calls with {@code Authorization: Bearer <token.get()>}. */
    Api(String baseUrl, Supplier<String> token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** The same base URL, as another caller. */
    Api as(Supplier<String> otherToken) {
        return new Api(baseUrl, otherToken);
    }

    record Response(int status, Map<String, java.util.List<String>> headers, JsonNode body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }

        String text(String field) {
            return body.path(field).asString();
        }
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), Map.of());
    }

    /** The body of a plain-text GET, e.g. Prometheus metrics. */
    String text(String path) {
        try {
            return http.send(authorized(HttpRequest.newBuilder(URI.create(baseUrl + path)))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        }
        catch (IOException ex) {
            throw new IllegalStateException("Request failed: " + ex, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    Response post(String path, String json) {
        return post(path, json, Map.of());
    }

    Response post(String path, String json, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), headers);
    }

    /** POST with a fresh Idempotency-Key, as a careful client creates things. */
    Response create(String path, String json) {
        return post(path, json, Map.of("Idempotency-Key", java.util.UUID.randomUUID().toString()));
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        String bearer = token.get();
        return bearer.isEmpty() ? request : request.header("Authorization", "Bearer " + bearer);
    }

    private Response send(HttpRequest.Builder request, Map<String, String> headers) {
        if (!headers.containsKey("Authorization")) {
            authorized(request);
        }
        headers.forEach(request::header);
        request.timeout(Duration.ofSeconds(30));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            JsonNode node = body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
            return new Response(response.statusCode(), response.headers().map(), node);
        }
        catch (IOException ex) {
            throw new IllegalStateException("Request failed: " + ex, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** Polls until {@code done} holds for the value, failing after {@code timeout}. */
    static <T> T await(String what, Duration timeout, Supplier<T> probe, Predicate<T> done) {
        Instant deadline = Instant.now().plus(timeout);
        T last = null;
        while (Instant.now().isBefore(deadline)) {
            last = probe.get();
            if (done.test(last)) {
                return last;
            }
            try {
                Thread.sleep(250);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new AssertionError(ex);
            }
        }
        throw new AssertionError("Timed out after " + timeout + " waiting for " + what + "; last: " + last);
    }
}

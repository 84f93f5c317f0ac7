package io.channelops.platform.it;

import static io.channelops.platform.test.Callers.ADMIN;
import static io.channelops.platform.test.Callers.AUDITOR;
import static io.channelops.platform.test.Callers.DIRECTOR;
import static io.channelops.platform.test.Callers.MANAGER_EAST;
import static io.channelops.platform.test.Callers.MANAGER_EAST_1;
import static io.channelops.platform.test.Callers.MANAGER_WEST;
import static io.channelops.platform.test.Callers.REP_EAST_1;
import static io.channelops.platform.test.Callers.REP_EAST_1_B;
import static io.channelops.platform.test.Callers.REP_WEST_1;
import static org.assertj.core.api.Assertions.assertThat;

import feign.RequestTemplate;
import io.channelops.events.identity.UserRegistered;
import io.channelops.platform.security.CallerAuthentication;
import io.channelops.platform.security.RolePolicy;
import io.channelops.platform.security.ServiceToken;
import io.channelops.platform.security.TokenRelay;
import io.channelops.platform.test.AccessMatrix;
import io.channelops.platform.test.Caller;
import io.channelops.platform.test.Callers;
import io.channelops.platform.test.EventProbe;
import io.channelops.platform.test.ServiceIntegrationTest;
import io.channelops.platform.test.TokenChecks;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's resource server on a minimal service: token checks, permissions, data scope over single records,
 * lists and totals, reassignment through the user directory, per-caller idempotency keys, the service's own token.
 */
@ServiceIntegrationTest
class PlatformSecurityIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void directoryKnowsTheTeam() {
        for (Caller user : List.of(REP_EAST_1, REP_EAST_1_B, REP_WEST_1)) {
            EventProbe.publish(new UserRegistered(user.id(), user.id(), user.name(), List.of("REP"), "unit",
                    user.orgPath(), "ACTIVE", Instant.now()), 1);
        }
        EventProbe.publish(new UserRegistered("u-gone", "u-gone", "Gone", List.of("REP"), "unit", Callers.EAST_1,
                "DEACTIVATED", Instant.now()), 1);
    }

    @Test
    void rejectsEveryRequestWithoutAValidTokenWithAProblem() {
        TokenChecks checks = new TokenChecks("http://localhost:" + port);
        for (String path : List.of("/api/v1/gadgets", "/api/v1/gadgets/" + UUID.randomUUID(),
                "/api/v1/admin/platformit/dead-letters", "/actuator/prometheus", "/no-such-path")) {
            checks.rejectInvalidTokens("GET", path, null);
        }
    }

    @Test
    void healthAndApiDocsAreOpenAndMetricsNeedTheMetricsPermission() throws Exception {
        assertThat(call("GET", "/actuator/health/liveness", null, null, Map.of()).statusCode()).isEqualTo(200);
        HttpResponse<String> docs = call("GET", "/v3/api-docs", null, null, Map.of());
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(docs.body()).path("components").path("securitySchemes").has("channelops"))
                .isTrue();
        assertThat(call("GET", "/actuator/prometheus", REP_EAST_1, null, Map.of()).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/actuator/prometheus", AUDITOR, null, Map.of()).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/actuator/prometheus", Callers.client("scraper", Callers.HQ, "metrics:read"), null,
                Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void aMissingPermissionIsForbiddenWithAProblem() throws Exception {
        HttpResponse<String> auditorWrites = call("POST", "/api/v1/gadgets", AUDITOR,
                "{\"name\":\"x\",\"amount\":1}", Map.of());
        assertThat(auditorWrites.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(auditorWrites.body()).path("code").asString()).isEqualTo("ACCESS_DENIED");
        assertThat(call("GET", "/api/v1/admin/platformit/dead-letters", REP_EAST_1, null, Map.of()).statusCode())
                .isEqualTo(403);
        assertThat(call("GET", "/api/v1/admin/platformit/dead-letters", ADMIN, null, Map.of()).statusCode())
                .isEqualTo(200);
        long before = count();
        assertThat(call("POST", "/api/v1/gadgets", Callers.client("reader", Callers.HQ, "customers:read"),
                "{\"name\":\"x\",\"amount\":1}", Map.of()).statusCode()).isEqualTo(403);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aCallerWithoutThePermissionIsForbiddenBeforeTheRequestIsEvenRead() throws Exception {
        for (String body : List.of("{\"name\":\"\"}", "{\"name\":", "{\"unknown\":1}")) {
            HttpResponse<String> response = call("POST", "/api/v1/gadgets", AUDITOR, body, Map.of());
            assertThat(response.statusCode()).as(body).isEqualTo(403);
            assertThat(JSON.readTree(response.body()).path("code").asString()).isEqualTo("ACCESS_DENIED");
        }
        assertThat(call("POST", "/api/v1/gadgets", REP_EAST_1, "{\"name\":\"\"}", Map.of()).statusCode())
                .as("with the permission, the same body is a validation error").isEqualTo(400);
    }

    @Test
    void ownerAndOrgPathAreSetByTheServerNeverByTheRequest() throws Exception {
        long before = count();
        HttpResponse<String> response = call("POST", "/api/v1/gadgets", REP_EAST_1,
                "{\"name\":\"x\",\"amount\":1,\"ownerId\":\"u-director\",\"orgPath\":\"/hq\"}", Map.of());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("code").asString()).isEqualTo("UNKNOWN_FIELD");
        assertThat(count()).isEqualTo(before);
        JsonNode created = JSON.readTree(call("POST", "/api/v1/gadgets", REP_EAST_1,
                "{\"name\":\"x\",\"amount\":1}", Map.of()).body());
        assertThat(created.path("ownerId").asString()).isEqualTo(REP_EAST_1.id());
        assertThat(created.path("orgPath").asString()).isEqualTo(REP_EAST_1.orgPath());
    }

    @Test
    void theAccessMatrixHoldsForGadgets() {
        AccessMatrix matrix = new AccessMatrix("platform-it", "http://localhost:" + port);
        matrix.endpoint("GET", "/api/v1/gadgets/{id}").requires("customers:read").ok(200)
                .record(this::gadgetOfOwner);
        matrix.endpoint("POST", "/api/v1/gadgets/{id}/assign").requires("customers:assign").ok(200)
                .record(this::gadgetOfOwner).body(id -> "{\"ownerId\":\"" + REP_EAST_1_B.id() + "\"}");
        matrix.listing("/api/v1/gadgets", "customers:read", this::gadgetOfOwner);
        assertThat(matrix.caseCount()).isEqualTo(3 * AccessMatrix.callers("x").size());
        awaitDirectory(REP_EAST_1_B.id());
        matrix.verify();
    }

    @Test
    void totalsAndCountsAreFilteredExactlyLikeLists() throws Exception {
        List<Caller> viewers = List.of(REP_EAST_1, REP_EAST_1_B, REP_WEST_1, MANAGER_EAST_1, MANAGER_EAST,
                MANAGER_WEST, DIRECTOR, Callers.client("bi-west", Callers.WEST, "customers:read"));
        Map<Caller, BigDecimal> before = new LinkedHashMap<>();
        for (Caller viewer : viewers) {
            before.put(viewer, total(viewer).path("amount").decimalValue());
        }
        create(REP_EAST_1, "10.00");
        create(REP_EAST_1_B, "20.00");
        create(REP_WEST_1, "40.00");
        Map<Caller, String> grew = Map.of(REP_EAST_1, "10.00", REP_EAST_1_B, "20.00", REP_WEST_1, "40.00",
                MANAGER_EAST_1, "30.00", MANAGER_EAST, "30.00", MANAGER_WEST, "40.00", DIRECTOR, "70.00",
                viewers.getLast(), "40.00");
        for (Caller viewer : viewers) {
            JsonNode total = total(viewer);
            assertThat(total.path("amount").decimalValue().subtract(before.get(viewer))).as(viewer.name())
                    .isEqualByComparingTo(grew.get(viewer));
            JsonNode list = JSON.readTree(call("GET", "/api/v1/gadgets", viewer, null, Map.of()).body());
            BigDecimal listed = BigDecimal.ZERO;
            for (JsonNode gadget : list.path("content")) {
                listed = listed.add(gadget.path("amount").decimalValue());
            }
            assertThat(total.path("amount").decimalValue()).as(viewer.name() + ": total = sum of the list")
                    .isEqualByComparingTo(listed);
            assertThat(total.path("count").asLong()).as(viewer.name())
                    .isEqualTo(list.path("page").path("totalElements").asLong());
        }
    }

    @Test
    void reassignmentGoesToActiveUsersInsideTheCallersSubtree() throws Exception {
        awaitDirectory("u-gone");
        awaitDirectory(REP_WEST_1.id());
        String id = gadgetOfOwner();
        assertThat(problemCode(call("POST", "/api/v1/gadgets/" + id + "/assign", MANAGER_EAST_1,
                "{\"ownerId\":\"" + REP_WEST_1.id() + "\"}", Map.of()))).isEqualTo("ASSIGNEE_OUT_OF_SCOPE");
        assertThat(problemCode(call("POST", "/api/v1/gadgets/" + id + "/assign", MANAGER_EAST_1,
                "{\"ownerId\":\"u-gone\"}", Map.of()))).isEqualTo("UNKNOWN_ASSIGNEE");
        assertThat(problemCode(call("POST", "/api/v1/gadgets/" + id + "/assign", MANAGER_EAST_1,
                "{\"ownerId\":\"u-nobody\"}", Map.of()))).isEqualTo("UNKNOWN_ASSIGNEE");
        assertThat(call("POST", "/api/v1/gadgets/" + id + "/assign", REP_EAST_1,
                "{\"ownerId\":\"" + REP_EAST_1_B.id() + "\"}", Map.of()).statusCode()).isEqualTo(403);

        HttpResponse<String> moved = call("POST", "/api/v1/gadgets/" + id + "/assign", DIRECTOR,
                "{\"ownerId\":\"" + REP_WEST_1.id() + "\"}", Map.of());
        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(moved.body()).path("orgPath").asString()).isEqualTo(REP_WEST_1.orgPath());
        assertThat(call("GET", "/api/v1/gadgets/" + id, REP_EAST_1, null, Map.of()).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/gadgets/" + id, MANAGER_EAST, null, Map.of()).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/gadgets/" + id, REP_WEST_1, null, Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void idempotencyKeysBelongToTheirCaller() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = "{\"name\":\"same\",\"amount\":5}";
        JsonNode first = JSON.readTree(call("POST", "/api/v1/gadgets", REP_EAST_1, body,
                Map.of("Idempotency-Key", key)).body());
        HttpResponse<String> replay = call("POST", "/api/v1/gadgets", REP_EAST_1, body,
                Map.of("Idempotency-Key", key));
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(JSON.readTree(replay.body()).path("id").asString()).isEqualTo(first.path("id").asString());
        HttpResponse<String> other = call("POST", "/api/v1/gadgets", REP_WEST_1, body,
                Map.of("Idempotency-Key", key));
        assertThat(other.statusCode()).isEqualTo(201);
        assertThat(other.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(JSON.readTree(other.body()).path("ownerId").asString()).isEqualTo(REP_WEST_1.id());
    }

    @Test
    void feignCallsRelayTheCallersTokenOrUseTheServicesOwn(@Autowired TokenRelay relay,
            @Autowired ServiceToken serviceToken, @Autowired JwtDecoder decoder, @Autowired RolePolicy policy) {
        RequestTemplate background = new RequestTemplate();
        relay.apply(background);
        String serviceBearer = background.headers().get("Authorization").iterator().next();
        JsonNode claims = claims(serviceBearer.substring("Bearer ".length()));
        assertThat(claims.path("sub").asString()).isEqualTo("platform-it");
        assertThat(serviceToken.value()).isEqualTo(serviceBearer.substring("Bearer ".length()));

        String userToken = REP_EAST_1.token();
        try {
            SecurityContextHolder.getContext().setAuthentication(
                    new CallerAuthentication.FromJwt(policy).convert(decoder.decode(userToken)));
            RequestTemplate duringRequest = new RequestTemplate();
            duringRequest.header("Authorization", "Bearer something-else");
            relay.apply(duringRequest);
            assertThat(duringRequest.headers().get("Authorization")).containsExactly("Bearer " + userToken);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private String gadgetOfOwner() {
        return create(AccessMatrix.OWNER, "1.00").path("id").asString();
    }

    private JsonNode create(Caller owner, String amount) {
        try {
            HttpResponse<String> response = call("POST", "/api/v1/gadgets", owner,
                    "{\"name\":\"gadget\",\"amount\":" + amount + "}", Map.of());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            return JSON.readTree(response.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode total(Caller viewer) throws Exception {
        HttpResponse<String> response = call("GET", "/api/v1/gadgets/total", viewer, null, Map.of());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private long count() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM gadgets", Long.class);
        return count == null ? 0 : count;
    }

    private void awaitDirectory(String userId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            Long known = jdbc.queryForObject("SELECT COUNT(*) FROM directory_users WHERE user_id = ?", Long.class,
                    userId);
            if (known != null && known > 0) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("user " + userId + " never reached the directory");
    }

    private static String problemCode(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        return JSON.readTree(response.body()).path("code").asString();
    }

    private static JsonNode claims(String jwt) {
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> call(String method, String path, @Nullable Caller caller, @Nullable String body,
            Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (caller != null) {
            request.header("Authorization", caller.bearer());
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

}

package io.channelops.customer;

import static io.channelops.platform.test.Callers.EAST_1;
import static io.channelops.platform.test.Callers.HQ;
import static io.channelops.platform.test.Callers.WEST;
import static org.assertj.core.api.Assertions.assertThat;

import io.channelops.platform.test.AccessMatrix;
import io.channelops.platform.test.Caller;
import io.channelops.platform.test.Callers;
import io.channelops.platform.test.ServiceIntegrationTest;
import io.channelops.platform.test.TokenChecks;
import io.channelops.platform.test.UserDirectoryFeed;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may do what with ownership and the open pool: every ownership and pool endpoint called by every kind of caller
 * over real HTTP ({@link AccessMatrix}). The pool has its own visibility rule (the pools of the caller's org unit and
 * below, see {@code OpenPool}), so its cases list the exceptions to the data-scope rules, each with its reason.
 */
@ServiceIntegrationTest
class PoolAccessMatrixIT {

    private static final Caller CLIENT_HQ = Callers.client("matrix-client-hq", HQ, "customers:write");
    private static final Caller CLIENT_EAST_1 = Callers.client("matrix-client-east-1", EAST_1, "customers:write");
    private static final Caller ASSIGNING_CLIENT_WEST = Callers.client("matrix-client-west", WEST, "customers:assign");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JsonMapper json;

    @Value("${local.server.port}")
    int port;

    private TestCustomers customers() {
        return new TestCustomers(mvc, jdbc, json);
    }

    /** A fresh customer of the matrix's owner (rep A of team east-1). */
    private String customerOfOwner() {
        return customers().of(AccessMatrix.OWNER, "Matrix ownership");
    }

    /** A fresh customer in the open pool of the owner's team. */
    private String poolCustomerOfTheOwnersTeam() {
        String id = customerOfOwner();
        customers().intoPool(id);
        return id;
    }

    @Test
    void everyOwnershipAndPoolEndpointAnswersEveryCallerAsTheAccessRulesRequire() {
        UserDirectoryFeed.register(jdbc, Callers.REP_EAST_1_B);
        String successor = Callers.REP_EAST_1_B.id();
        Caller leaver = Callers.user("leaving rep", "u-matrix-leaver-" + UUID.randomUUID().toString().substring(0, 8),
                EAST_1, "REP");

        AccessMatrix matrix = new AccessMatrix("customer-pool", "http://localhost:" + port);
        matrix.endpoint("GET", "/api/v1/customers/{id}/assignments").requires("customers:read").ok(200)
                .record(this::customerOfOwner);
        matrix.endpoint("POST", "/api/v1/customers/assignments").requires("customers:assign").ok(200)
                .record(this::customerOfOwner)
                .body(id -> "{\"customerIds\":[\"" + id + "\"],\"ownerId\":\"" + successor
                        + "\",\"reason\":\"Access matrix\"}");
        matrix.endpoint("POST", "/api/v1/customers/{id}/release-to-pool").requires("customers:assign").ok(200)
                .record(this::customerOfOwner)
                .body(id -> "{\"reason\":\"Access matrix\"}");
        // the pool of team east-1 is every team member's to claim, not only the (former) owner's; integration
        // clients that see it hold no pool quota and are refused as a business rule
        matrix.endpoint("POST", "/api/v1/customers/{id}/claim").requires("customers:write").ok(200)
                .record(this::poolCustomerOfTheOwnersTeam)
                .expect(Callers.REP_EAST_1_B, 200)
                .expect(CLIENT_HQ, 422)
                .expect(CLIENT_EAST_1, 422);
        // not about one record: the caller's scope decides which of the leaver's customers move (none for a caller
        // who sees none), the successor must lie in the caller's org subtree (422 for callers who do not manage team
        // east-1)
        matrix.endpoint("POST", "/api/v1/customers/assignments/transfer-owner").requires("customers:assign").ok(200)
                .unscoped()
                .record(() -> customers().of(leaver, "Leaver's customer"))
                .body(id -> "{\"fromOwnerId\":\"" + leaver.id() + "\",\"toOwnerId\":\"" + successor
                        + "\",\"reason\":\"Access matrix\"}")
                .expect(Callers.MANAGER_EAST_2, 422)
                .expect(Callers.MANAGER_WEST, 422)
                .expect(ASSIGNING_CLIENT_WEST, 422);
        matrix.verify();
    }

    @Test
    void theOpenPoolListsAPoolCustomerExactlyToTheCallersOfItsOrgUnitAndAbove() throws Exception {
        String marker = TestCustomers.uniqueCode("PoolMatrix");
        String id = customers().of(AccessMatrix.OWNER, marker);
        customers().intoPool(id);
        // the specification, written out: listed for whoever works in team east-1 or above it, or sees everything
        Map<String, String> expected = Map.ofEntries(
                Map.entry(Callers.REP_EAST_1.name(), "listed"),
                Map.entry(Callers.REP_EAST_1_B.name(), "listed"),
                Map.entry(Callers.REP_EAST_2.name(), "hidden"),
                Map.entry(Callers.REP_WEST_1.name(), "hidden"),
                Map.entry(Callers.MANAGER_EAST_1.name(), "listed"),
                Map.entry(Callers.MANAGER_EAST_2.name(), "hidden"),
                Map.entry(Callers.MANAGER_EAST.name(), "listed"),
                Map.entry(Callers.MANAGER_WEST.name(), "hidden"),
                Map.entry(Callers.DIRECTOR.name(), "listed"),
                Map.entry(Callers.AUDITOR.name(), "listed"),
                Map.entry(Callers.FINANCE.name(), "listed"),
                Map.entry(Callers.LOGISTICS.name(), "listed"),
                Map.entry(Callers.ADMIN.name(), "403"),
                Map.entry("client matrix-client-hq [customers:read] at /hq", "listed"),
                Map.entry("client matrix-client-east-1 [customers:read] at /hq/east/team-1", "listed"),
                Map.entry("client matrix-client-west [customers:read] at /hq/west", "hidden"),
                Map.entry("client matrix-client-no-scope [unrelated:read] at /hq", "403"));
        List<String> mismatches = new ArrayList<>();
        try (HttpClient http = HttpClient.newHttpClient()) {
            for (Caller caller : AccessMatrix.callers("customers:read")) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(
                                "http://localhost:" + port + "/api/v1/customers/pool?size=200&q=" + marker))
                        .header("Authorization", caller.bearer()).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                String got;
                if (response.statusCode() != 200) {
                    got = String.valueOf(response.statusCode());
                } else {
                    Set<String> ids = new HashSet<>(json.readTree(response.body()).get("content")
                            .findValuesAsString("id"));
                    got = ids.contains(id) ? "listed" : "hidden";
                }
                if (!got.equals(expected.get(caller.name()))) {
                    mismatches.add(caller.name() + ": expected " + expected.get(caller.name()) + ", got " + got);
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void ownershipAndPoolRequestsWithoutAValidTokenAre401ProblemsAndChangeNothing() {
        String id = poolCustomerOfTheOwnersTeam();
        TokenChecks checks = new TokenChecks("http://localhost:" + port);
        checks.rejectInvalidTokens("GET", "/api/v1/customers/pool", null);
        checks.rejectInvalidTokens("POST", "/api/v1/customers/" + id + "/claim", null);
        checks.rejectInvalidTokens("GET", "/api/v1/customers/" + id + "/assignments", null);
        checks.rejectInvalidTokens("POST", "/api/v1/customers/assignments",
                "{\"customerIds\":[\"" + id + "\"],\"ownerId\":\"u-rep-east1-b\",\"reason\":\"x\"}");
        assertThat(customers().owner(id)).isEqualTo("pool");
    }
}

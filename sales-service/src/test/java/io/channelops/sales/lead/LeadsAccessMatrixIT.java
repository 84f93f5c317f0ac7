package io.channelops.sales.lead;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.platform.test.AccessMatrix;
import io.channelops.platform.test.Caller;
import io.channelops.platform.test.Callers;
import io.channelops.platform.test.UserDirectoryFeed;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may call what on leads, lead scoring and lead assignment, over real HTTP with real tokens. Leads are owned
 * records: every id-bearing endpoint is tried on a fresh lead of {@link Callers#REP_EAST_1} (team east-1) and must
 * answer 403 without the permission, 404 outside the caller's data scope and success inside it. Scoring and
 * assignment rules are company-wide configuration ({@code sales:configure}, unscoped).
 */
class LeadsAccessMatrixIT extends LeadsTestSupport {

    private static final Caller OWNER = AccessMatrix.OWNER;

    @LocalServerPort
    int port;

    private String leadOfRep() {
        try {
            return capture(OWNER, leadBody("EAST", null)).path("id").asString();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private String qualifiedLeadOfRep() {
        String id = leadOfRep();
        try {
            mvc.perform(postJson("/api/v1/leads/" + id + "/qualify", "").with(OWNER.asCaller()))
                    .andExpect(status().isOk());
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
        return id;
    }

    /** A lead waiting in team east-1's queue (posted by a client of that team, region without a rule). */
    private String queuedLeadOfTeam() {
        try {
            return capture(Callers.client("matrix-shop", Callers.EAST_1, "leads:write"),
                    leadBody("NOWHERE" + run, null)).path("id").asString();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private String etag(String leadId) {
        return "\"" + jdbc.queryForObject("SELECT version FROM leads WHERE id = ?", Long.class, leadId) + "\"";
    }

    private String scoringRule() {
        try {
            return read(mvc.perform(postJson("/api/v1/lead-scoring/rules", """
                    {"name":"Matrix","kind":"BEHAVIOUR","signalType":"MATRIX_%s","points":1}""".formatted(run)))
                    .andExpect(status().isCreated()).andReturn()).path("rule").path("id").asString();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private String assignmentRule() {
        try {
            String region = "M" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            return read(mvc.perform(postJson("/api/v1/lead-assignment-rules", """
                    {"regionCode":"%s","teamPath":"/hq/east/team-1","strategy":"ROUND_ROBIN"}""".formatted(region)))
                    .andExpect(status().isCreated()).andReturn()).path("id").asString();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Test
    void everyLeadEndpointAnswersEveryCallerAsThePermissionsAndScopesRequire() {
        UserDirectoryFeed.register(jdbc, Callers.REP_EAST_1_B);
        AccessMatrix matrix = new AccessMatrix("sales-leads", "http://localhost:" + port);

        matrix.endpoint("POST", "/api/v1/leads").requires("leads:write").ok(201).unscoped()
                .record(() -> UUID.randomUUID().toString()).body(id -> leadBody("EAST", null));
        matrix.endpoint("GET", "/api/v1/leads/{id}").requires("leads:read").record(this::leadOfRep);
        matrix.endpoint("PATCH", "/api/v1/leads/{id}").requires("leads:write").record(this::leadOfRep)
                .body(id -> "{\"need\":\"changed\"}").header("If-Match", this::etag);
        matrix.endpoint("POST", "/api/v1/leads/{id}/start").requires("leads:write").record(this::leadOfRep);
        matrix.endpoint("POST", "/api/v1/leads/{id}/qualify").requires("leads:write").record(this::leadOfRep);
        matrix.endpoint("POST", "/api/v1/leads/{id}/disqualify").requires("leads:write").record(this::leadOfRep)
                .body(id -> "{\"reason\":\"NO_NEED\"}");
        matrix.endpoint("GET", "/api/v1/leads/{id}/score-history").requires("leads:read").record(this::leadOfRep);
        matrix.endpoint("POST", "/api/v1/leads/{id}/assign").requires("leads:assign").record(this::leadOfRep)
                .body(id -> "{\"ownerId\":\"" + Callers.REP_EAST_1_B.id() + "\"}");

        // signals: integration clients by leads:signal; users by leads:write (in their data scope)
        AccessMatrix.Endpoint signals = matrix.endpoint("POST", "/api/v1/leads/{id}/signals")
                .requires("leads:signal").ok(201).record(this::leadOfRep).body(id -> "{\"type\":\"EMAIL_OPENED\"}");
        for (Caller user : List.of(Callers.REP_EAST_1, Callers.MANAGER_EAST_1, Callers.MANAGER_EAST,
                Callers.DIRECTOR)) {
            signals.expect(user, 201);
        }
        for (Caller user : List.of(Callers.REP_EAST_1_B, Callers.REP_EAST_2, Callers.REP_WEST_1,
                Callers.MANAGER_EAST_2, Callers.MANAGER_WEST)) {
            signals.expect(user, 404);
        }

        // conversion: customer-service (WireMock) creates whatever it is asked to
        CustomerServiceStub.SERVER.stubFor(post(urlPathEqualTo(CustomerServiceStub.CUSTOMERS))
                .willReturn(CustomerServiceStub.createdCustomer("cust-matrix", "C-MATRIX", "Matrix")));
        CustomerServiceStub.SERVER.stubFor(post(urlPathMatching(CustomerServiceStub.CUSTOMERS + "/.+/contacts"))
                .willReturn(CustomerServiceStub.createdContact("contact-matrix")));
        matrix.endpoint("POST", "/api/v1/leads/{id}/convert").requires("leads:write")
                .record(this::qualifiedLeadOfRep).body(id -> "{\"opportunity\":{\"name\":\"Matrix deal\"}}");

        // claim: a lead in team east-1's queue; both reps of that team may take it, clients never claim
        AccessMatrix.Endpoint claim = matrix.endpoint("POST", "/api/v1/leads/{id}/claim").requires("leads:write")
                .record(this::queuedLeadOfTeam);
        claim.expect(Callers.REP_EAST_1_B, 200);
        claim.expect(Callers.client("matrix-client-hq", Callers.HQ, "leads:write"), 422);
        claim.expect(Callers.client("matrix-client-east-1", Callers.EAST_1, "leads:write"), 422);

        matrix.listing("/api/v1/leads?size=200&campaign=C-" + run, "leads:read", this::leadOfRep);

        // configuration: company-wide, by permission only
        matrix.endpoint("GET", "/api/v1/lead-scoring/rules/{id}").requires("sales:configure").unscoped()
                .record(this::scoringRule);
        matrix.endpoint("GET", "/api/v1/lead-scoring/rules").requires("sales:configure").unscoped()
                .record(() -> "all");
        matrix.endpoint("GET", "/api/v1/lead-scoring/settings").requires("sales:configure").unscoped()
                .record(() -> "settings");
        Supplier<String> job = () -> {
            try {
                return read(mvc.perform(postJson("/api/v1/lead-scoring/rescore-jobs", "{\"reason\":\"matrix\"}"))
                        .andExpect(status().isAccepted()).andReturn()).path("id").asString();
            }
            catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        };
        matrix.endpoint("GET", "/api/v1/lead-scoring/rescore-jobs/{id}").requires("sales:configure").unscoped()
                .record(job);
        matrix.endpoint("GET", "/api/v1/lead-assignment-rules/{id}").requires("sales:configure").unscoped()
                .record(this::assignmentRule);
        matrix.endpoint("DELETE", "/api/v1/lead-assignment-rules/{id}").requires("sales:configure").ok(204)
                .unscoped().record(this::assignmentRule);

        System.out.println("sales-service leads access matrix: " + matrix.caseCount() + " cases");
        matrix.verify();
    }
}

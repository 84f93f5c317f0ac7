package io.channelops.sales.opportunity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.platform.test.AccessMatrix;
import io.channelops.platform.test.Callers;
import io.channelops.platform.test.TokenChecks;
import io.channelops.platform.test.UserDirectoryFeed;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call which opportunity, pipeline and forecast endpoint, over real HTTP with real tokens (see
 * {@link AccessMatrix}): 403 without the permission, 404 outside the caller's data scope, success otherwise.
 * Opportunities are owned records (the matrix's owner, rep A of team east-1); a rep's forecast override is scoped by
 * the rep's org unit; stages, loss reasons and the reports' entry points are checked for their permission only
 * ({@code .unscoped()}), their scoping is tested in ForecastIT, PipelineReportsIT and StalledDealsIT.
 */
@PipelineIntegrationTest
class OpportunitiesAccessMatrixIT {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    PipelineClock clock;

    private final String run = UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    private final String customer = "matrix-" + run;
    private final String listedCustomer = "matrix-listed-" + run;
    private final String stalledCustomer = "matrix-stalled-" + run;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A fresh open opportunity of the matrix's owner in their team, version 0. */
    private String opportunityOfOwner() {
        return opportunityOfOwner(customer);
    }

    private String opportunityOfOwner(String customerId) {
        try {
            MvcResult result = mvc.perform(post("/api/v1/opportunities").with(AccessMatrix.OWNER.asCaller())
                            .contentType(MediaType.APPLICATION_JSON).content(opportunityJson(customerId)))
                    .andExpect(status().isCreated()).andReturn();
            var opportunity = json.readTree(result.getResponse().getContentAsString());
            assertThat(opportunity.get("ownerId").asString()).isEqualTo(AccessMatrix.OWNER.id());
            return opportunity.get("id").asString();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot open the matrix's opportunity", e);
        }
    }

    /** An opportunity of the owner untouched for 400 days: stalled in any stage. */
    private String stalledOpportunityOfOwner() {
        clock.set(Instant.now().minus(Duration.ofDays(400)));
        try {
            return opportunityOfOwner(stalledCustomer);
        } finally {
            clock.reset();
        }
    }

    private static String opportunityJson(String customerId) {
        return """
                {"name":"Matrix deal","customerId":"%s","amount":{"amount":1000.00,"currency":"CNY"},
                 "expectedCloseDate":"2030-06-30"}""".formatted(customerId);
    }

    private static String uniqueCode() {
        return "M_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);
    }

    private static String lostStageJson(String code) {
        return "{\"code\":\"" + code + "\",\"name\":\"Matrix lost\",\"kind\":\"LOST\"}";
    }

    /** A fresh lost-kind stage (so it changes no open part of the pipeline), version 0. */
    private String stage() {
        String code = uniqueCode();
        try {
            mvc.perform(post("/api/v1/pipeline/stages").with(Callers.ADMIN.asCaller())
                    .contentType(MediaType.APPLICATION_JSON).content(lostStageJson(code)))
                    .andExpect(status().isCreated());
            return code;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot add the matrix's stage", e);
        }
    }

    private String lossReason() {
        String code = uniqueCode();
        try {
            mvc.perform(post("/api/v1/pipeline/loss-reason-codes").with(Callers.ADMIN.asCaller())
                    .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"" + code + "\",\"name\":\"M\"}"))
                    .andExpect(status().isCreated());
            return code;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot add the matrix's loss reason", e);
        }
    }

    /** An override of the owner's 2030-Q3 forecast, set anew; the "record" is "repId/period". */
    private String overrideOfOwner() {
        try {
            mvc.perform(put("/api/v1/forecast/overrides/" + AccessMatrix.OWNER.id() + "/2030-Q3")
                    .with(Callers.DIRECTOR.asCaller()).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"amount\":500,\"currency\":\"CNY\"}")).andExpect(status().isOk());
            return AccessMatrix.OWNER.id() + "/2030-Q3";
        } catch (Exception e) {
            throw new IllegalStateException("Cannot set the matrix's override", e);
        }
    }

    @Test
    void everyEndpointAnswersEveryCallerAsTheAccessRulesRequire() {
        // reassignments hand the deal to rep B of the owner's team, whom everyone who may reassign it also manages;
        // overrides name the owner, whose org unit the directory knows
        UserDirectoryFeed.register(jdbc, Callers.REP_EAST_1, Callers.REP_EAST_1_B);

        AccessMatrix matrix = new AccessMatrix("sales-opportunities", "http://localhost:" + port);
        // opening is not about an existing record: whoever may write opportunities opens one they then own
        matrix.endpoint("POST", "/api/v1/opportunities").requires("opportunities:write").ok(201).unscoped()
                .record(() -> "none").body(id -> opportunityJson(customer));
        matrix.endpoint("GET", "/api/v1/opportunities/{id}").requires("opportunities:read").ok(200)
                .record(this::opportunityOfOwner);
        matrix.endpoint("PATCH", "/api/v1/opportunities/{id}").requires("opportunities:write").ok(200)
                .record(this::opportunityOfOwner).body(id -> "{\"name\":\"Renamed by the matrix\"}")
                .header("If-Match", id -> "\"0\"");
        matrix.endpoint("POST", "/api/v1/opportunities/{id}/stage").requires("opportunities:write").ok(200)
                .record(this::opportunityOfOwner).body(id -> "{\"stage\":\"PROPOSAL\",\"note\":\"Matrix\"}");
        matrix.endpoint("POST", "/api/v1/opportunities/{id}/win").requires("opportunities:write").ok(200)
                .record(this::opportunityOfOwner).body(id -> "{}");
        matrix.endpoint("POST", "/api/v1/opportunities/{id}/lose").requires("opportunities:write").ok(200)
                .record(this::opportunityOfOwner).body(id -> "{\"reason\":\"PRICE\",\"competitor\":\"Matrix\"}");
        // a rep may write their own opportunity but not hand it to someone else: 403 for the owner
        matrix.endpoint("POST", "/api/v1/opportunities/{id}/assign").requires("opportunities:write").ok(200)
                .record(this::opportunityOfOwner)
                .body(id -> "{\"ownerId\":\"" + Callers.REP_EAST_1_B.id() + "\"}")
                .expect(Callers.REP_EAST_1, 403);
        matrix.endpoint("GET", "/api/v1/opportunities/{id}/history").requires("opportunities:read").ok(200)
                .record(this::opportunityOfOwner);
        matrix.endpoint("POST", "/api/v1/opportunities/{id}/activities").requires("opportunities:write").ok(201)
                .record(this::opportunityOfOwner).body(id -> "{\"kind\":\"CALL\",\"text\":\"Matrix call\"}");
        matrix.endpoint("GET", "/api/v1/opportunities/{id}/activities").requires("opportunities:read").ok(200)
                .record(this::opportunityOfOwner);
        matrix.listing("/api/v1/opportunities?size=200&customerId=" + listedCustomer, "opportunities:read",
                () -> opportunityOfOwner(listedCustomer));
        matrix.listing("/api/v1/opportunities/stalled?size=200&customerId=" + stalledCustomer,
                "opportunities:read", this::stalledOpportunityOfOwner);

        // the pipeline's configuration: read by sales and by administrators (sales:configure), changed by the latter
        matrix.endpoint("GET", "/api/v1/pipeline/stages").requires("opportunities:read").ok(200).unscoped()
                .record(() -> "none").expect(Callers.ADMIN, 200);
        matrix.endpoint("GET", "/api/v1/pipeline/stages/{id}").requires("opportunities:read").ok(200).unscoped()
                .record(() -> "PROPOSAL").expect(Callers.ADMIN, 200);
        matrix.endpoint("POST", "/api/v1/pipeline/stages").requires("sales:configure").ok(201).unscoped()
                .record(OpportunitiesAccessMatrixIT::uniqueCode).body(OpportunitiesAccessMatrixIT::lostStageJson);
        matrix.endpoint("PATCH", "/api/v1/pipeline/stages/{id}").requires("sales:configure").ok(200).unscoped()
                .record(this::stage).body(id -> "{\"name\":\"Matrix lost, renamed\"}")
                .header("If-Match", id -> "\"0\"");
        matrix.endpoint("GET", "/api/v1/pipeline/loss-reason-codes").requires("opportunities:read").ok(200)
                .unscoped().record(() -> "none").expect(Callers.ADMIN, 200);
        matrix.endpoint("GET", "/api/v1/pipeline/loss-reason-codes/{id}").requires("opportunities:read").ok(200)
                .unscoped().record(() -> "PRICE").expect(Callers.ADMIN, 200);
        matrix.endpoint("POST", "/api/v1/pipeline/loss-reason-codes").requires("sales:configure").ok(201)
                .unscoped().record(OpportunitiesAccessMatrixIT::uniqueCode)
                .body(id -> "{\"code\":\"" + id + "\",\"name\":\"Matrix reason\"}");
        matrix.endpoint("PATCH", "/api/v1/pipeline/loss-reason-codes/{id}").requires("sales:configure").ok(200)
                .unscoped().record(this::lossReason).body(id -> "{\"name\":\"Matrix reason, renamed\"}")
                .header("If-Match", id -> "\"0\"");

        // reports: every reader gets one, computed over their own scope
        matrix.endpoint("GET", "/api/v1/forecast?period=2030-Q2&groupBy=team").requires("opportunities:read")
                .ok(200).unscoped().record(() -> "none");
        matrix.endpoint("GET", "/api/v1/pipeline/funnel?from=2030-01-01&to=2030-03-31")
                .requires("opportunities:read").ok(200).unscoped().record(() -> "none");
        matrix.endpoint("GET", "/api/v1/pipeline/loss-reasons?from=2030-01-01&to=2030-03-31")
                .requires("opportunities:read").ok(200).unscoped().record(() -> "none");

        // a rep's forecast override lives where the rep does
        matrix.endpoint("PUT", "/api/v1/forecast/overrides/{id}/2030-Q2").requires("forecast:override").ok(200)
                .record(() -> AccessMatrix.OWNER.id())
                .body(id -> "{\"amount\":1000,\"currency\":\"CNY\",\"note\":\"Matrix\"}");
        matrix.endpoint("GET", "/api/v1/forecast/overrides/{id}/2030-Q2").requires("opportunities:read").ok(200)
                .record(() -> AccessMatrix.OWNER.id());
        matrix.endpoint("DELETE", "/api/v1/forecast/overrides/{id}").requires("forecast:override").ok(204)
                .record(this::overrideOfOwner);

        System.out.println("sales-opportunities access matrix: " + matrix.caseCount() + " cases");
        matrix.verify();
    }

    @Test
    void answers401ProblemWithoutAValidTokenAndChangesNothing() throws Exception {
        String id = opportunityOfOwner();
        TokenChecks checks = new TokenChecks("http://localhost:" + port);
        checks.rejectInvalidTokens("GET", "/api/v1/opportunities/" + id, null);
        checks.rejectInvalidTokens("GET", "/api/v1/forecast?period=2030-Q2", null);
        checks.rejectInvalidTokens("GET", "/api/v1/pipeline/stages", null);
        checks.rejectInvalidTokens("POST", "/api/v1/opportunities/" + id + "/win", "{}");
        checks.rejectInvalidTokens("PUT", "/api/v1/forecast/overrides/" + AccessMatrix.OWNER.id() + "/2030-Q4",
                "{\"amount\":1,\"currency\":\"CNY\"}");
        long before = count();
        checks.rejectInvalidTokens("POST", "/api/v1/opportunities", opportunityJson(customer));
        assertThat(count()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT status FROM opportunities WHERE id = ?", String.class, id))
                .isEqualTo("OPEN");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM forecast_overrides WHERE period = '2030-Q4'",
                Long.class)).isZero();
    }

    private long count() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM opportunities", Long.class);
        return count == null ? 0 : count;
    }
}

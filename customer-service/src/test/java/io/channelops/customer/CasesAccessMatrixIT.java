package io.channelops.customer;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.platform.test.AccessMatrix;
import io.channelops.platform.test.Callers;
import io.channelops.platform.test.ServiceIntegrationTest;
import io.channelops.platform.test.TokenChecks;
import io.channelops.platform.test.UserDirectoryFeed;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may do what with service cases: every case endpoint called by every kind of caller over real HTTP
 * ({@link AccessMatrix}), on cases of a customer owned by the matrix's owner and opened by them.
 */
@ServiceIntegrationTest
class CasesAccessMatrixIT {

    private static final String OPEN = """
            {"category":"INQUIRY","priority":"NORMAL","subject":"Matrix case","description":"Access matrix"}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JsonMapper json;

    @Value("${local.server.port}")
    int port;

    private String customerOfOwner() {
        return new TestCustomers(mvc, jdbc, json).of(AccessMatrix.OWNER, "Matrix cases");
    }

    /** A fresh OPEN case the owner opened for their customer. */
    private String caseOfOwner() {
        try {
            var result = mvc.perform(post("/api/v1/customers/" + customerOfOwner() + "/cases")
                            .with(AccessMatrix.OWNER.asCaller()).contentType(MediaType.APPLICATION_JSON).content(OPEN))
                    .andExpect(status().isCreated()).andReturn();
            return json.readTree(result.getResponse().getContentAsString()).get("id").asString();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot open the matrix's case", e);
        }
    }

    private String resolvedCaseOfOwner() {
        String id = caseOfOwner();
        try {
            mvc.perform(post("/api/v1/cases/" + id + "/resolve").with(AccessMatrix.OWNER.asCaller())
                    .contentType(MediaType.APPLICATION_JSON).content("{\"resolution\":\"Answered\"}"))
                    .andExpect(status().isOk());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot resolve the matrix's case", e);
        }
        return id;
    }

    private String breachedCaseOfOwner() {
        String id = caseOfOwner();
        jdbc.update("UPDATE service_cases SET first_response_due_at = TIMESTAMPADD(HOUR, -1, UTC_TIMESTAMP(6)) "
                + "WHERE id = ?", id);
        return id;
    }

    @Test
    void everyCaseEndpointAnswersEveryCallerAsTheAccessRulesRequire() {
        // every caller who may assign and sees the case also manages rep B's team (or is a director or a client at
        // /hq or /hq/east/team-1), so assigning to rep B needs no exception to the rules
        UserDirectoryFeed.register(jdbc, Callers.REP_EAST_1_B);

        AccessMatrix matrix = new AccessMatrix("customer-cases", "http://localhost:" + port);
        matrix.endpoint("POST", "/api/v1/customers/{id}/cases").requires("customers:write").ok(201)
                .record(this::customerOfOwner).body(id -> OPEN);
        matrix.endpoint("GET", "/api/v1/cases/{id}").requires("customers:read").ok(200).record(this::caseOfOwner);
        matrix.endpoint("GET", "/api/v1/cases/{id}/history").requires("customers:read").ok(200)
                .record(this::caseOfOwner);
        matrix.endpoint("POST", "/api/v1/cases/{id}/assign").requires("customers:assign").ok(200)
                .record(this::caseOfOwner)
                .body(id -> "{\"assigneeId\":\"" + Callers.REP_EAST_1_B.id() + "\"}");
        matrix.endpoint("POST", "/api/v1/cases/{id}/start").requires("customers:write").ok(200)
                .record(this::caseOfOwner);
        matrix.endpoint("POST", "/api/v1/cases/{id}/resolve").requires("customers:write").ok(200)
                .record(this::caseOfOwner).body(id -> "{\"resolution\":\"Answered by the matrix\"}");
        matrix.endpoint("POST", "/api/v1/cases/{id}/reopen").requires("customers:write").ok(200)
                .record(this::resolvedCaseOfOwner).body(id -> "{\"note\":\"Not fixed\"}");
        matrix.endpoint("POST", "/api/v1/cases/{id}/close").requires("customers:write").ok(200)
                .record(this::resolvedCaseOfOwner).body(id -> "{\"satisfactionScore\":5}");
        matrix.endpoint("POST", "/api/v1/cases/{id}/comments").requires("customers:write").ok(201)
                .record(this::caseOfOwner).body(id -> "{\"text\":\"Matrix comment\"}");
        matrix.listing("/api/v1/cases?size=200&sort=openedAt,desc", "customers:read", this::caseOfOwner);
        matrix.listing("/api/v1/cases?size=200&sort=openedAt,desc&status=OPEN&priority=NORMAL", "customers:read",
                this::caseOfOwner);
        matrix.listing("/api/v1/cases/breached?size=200&sort=openedAt,desc", "customers:read",
                this::breachedCaseOfOwner);
        matrix.verify();
    }

    @Test
    void caseRequestsWithoutAValidTokenAre401Problems() {
        String id = caseOfOwner();
        TokenChecks checks = new TokenChecks("http://localhost:" + port);
        checks.rejectInvalidTokens("GET", "/api/v1/cases/" + id, null);
        checks.rejectInvalidTokens("GET", "/api/v1/cases", null);
        checks.rejectInvalidTokens("POST", "/api/v1/cases/" + id + "/start", null);
        checks.rejectInvalidTokens("POST", "/api/v1/customers/" + customerOfOwner() + "/cases", OPEN);
    }
}

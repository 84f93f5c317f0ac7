package io.channelops.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.platform.test.AccessMatrix;
import io.channelops.platform.test.Callers;
import io.channelops.platform.test.ServiceIntegrationTest;
import io.channelops.platform.test.TokenChecks;
import io.channelops.platform.test.UserDirectoryFeed;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may do what to which customer: every endpoint of customer-service called by every kind of caller over real
 * HTTP (see {@link AccessMatrix}), and requests without a valid token refused before any of that.
 */
@ServiceIntegrationTest
class AccessMatrixIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JsonMapper json;

    @Value("${local.server.port}")
    int port;

    private static String uniqueCode() {
        return "M" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static String registration(String code) {
        return """
                {"code":"%s","name":"Matrix customer","type":"DEALER","regionCode":"EAST"}""".formatted(code);
    }

    /** A fresh customer registered by the matrix's owner (rep A of team east-1), so owned by them in their team. */
    private String customerOfOwner() {
        return customerOfOwner(uniqueCode());
    }

    private String customerOfOwner(String code) {
        try {
            MvcResult result = mvc.perform(post("/api/v1/customers").with(AccessMatrix.OWNER.asCaller())
                            .contentType(MediaType.APPLICATION_JSON).content(registration(code)))
                    .andExpect(status().isCreated()).andReturn();
            var customer = json.readTree(result.getResponse().getContentAsString());
            assertThat(customer.get("ownerId").asString()).isEqualTo(AccessMatrix.OWNER.id());
            return customer.get("id").asString();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot register the matrix's customer", e);
        }
    }

    @Test
    void everyEndpointAnswersEveryCallerAsTheAccessRulesRequire() {
        // the assign cases hand the customer to rep B of the owner's team: every caller who may assign and sees the
        // customer (team east-1's and region east's managers, directors, clients at /hq and /hq/east/team-1) may
        // also assign to rep B, so no case needs an exception to the rules
        UserDirectoryFeed.register(jdbc, Callers.REP_EAST_1_B);

        AccessMatrix matrix = new AccessMatrix("customer-service", "http://localhost:" + port);
        matrix.endpoint("GET", "/api/v1/customers/{id}").requires("customers:read").ok(200)
                .record(this::customerOfOwner);
        matrix.endpoint("PATCH", "/api/v1/customers/{id}").requires("customers:write").ok(200)
                .record(this::customerOfOwner)
                .body(id -> "{\"name\":\"Renamed by the matrix\"}")
                .header("If-Match", id -> "\"0\"");
        matrix.endpoint("POST", "/api/v1/customers/{id}/assign").requires("customers:assign").ok(200)
                .record(this::customerOfOwner)
                .body(id -> "{\"ownerId\":\"" + Callers.REP_EAST_1_B.id() + "\",\"reason\":\"Access matrix\"}")
                .header("If-Match", id -> "\"0\"");
        // registering is not about an existing record: anyone with customers:write may (201) and owns the result;
        // without the permission 403. No data scope applies, hence unscoped.
        matrix.endpoint("POST", "/api/v1/customers").requires("customers:write").ok(201).unscoped()
                .record(() -> "none")
                .body(id -> registration(uniqueCode()));
        String listed = uniqueCode();
        matrix.listing("/api/v1/customers?size=200&q=" + listed, "customers:read", () -> customerOfOwner(listed));
        matrix.listing("/api/v1/customers?size=200&regionCode=EAST&type=DEALER&q=" + listed.toLowerCase(),
                "customers:read", () -> customerOfOwner(listed + "X"));
        matrix.verify();
    }

    @Test
    void requestsWithoutAValidTokenAre401ProblemsBeforeAnythingElse() {
        String id = customerOfOwner();
        long customers = count();
        TokenChecks checks = new TokenChecks("http://localhost:" + port);
        checks.rejectInvalidTokens("GET", "/api/v1/customers/" + id, null);
        checks.rejectInvalidTokens("GET", "/api/v1/customers", null);
        checks.rejectInvalidTokens("POST", "/api/v1/customers", registration(uniqueCode()));
        assertThat(count()).as("customers after the refused creates").isEqualTo(customers);
    }

    private long count() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM customers", Long.class);
        return count == null ? 0 : count;
    }
}

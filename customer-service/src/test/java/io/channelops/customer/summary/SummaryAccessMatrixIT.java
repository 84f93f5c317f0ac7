package io.channelops.customer.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.platform.test.AccessMatrix;
import io.channelops.platform.test.ServiceIntegrationTest;
import io.channelops.platform.test.TokenChecks;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may read which customer's 360 summary: every kind of caller over real HTTP (see {@link AccessMatrix}), and
 * requests without a valid token refused first.
 */
@ServiceIntegrationTest
class SummaryAccessMatrixIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Value("${local.server.port}")
    int port;

    /** A fresh customer registered by the matrix's owner (rep A of team east-1). */
    private String customerOfOwner() {
        String code = "X" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        try {
            MvcResult result = mvc.perform(post("/api/v1/customers").with(AccessMatrix.OWNER.asCaller())
                            .contentType(MediaType.APPLICATION_JSON).content("""
                                    {"code":"%s","name":"Matrix customer","type":"DEALER","regionCode":"EAST"}"""
                                    .formatted(code)))
                    .andExpect(status().isCreated()).andReturn();
            var customer = json.readTree(result.getResponse().getContentAsString());
            assertThat(customer.get("ownerId").asString()).isEqualTo(AccessMatrix.OWNER.id());
            return customer.get("id").asString();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot register the matrix's customer", e);
        }
    }

    @Test
    void theSummaryAnswersEveryCallerAsTheAccessRulesRequire() {
        AccessMatrix matrix = new AccessMatrix("customer-summary", "http://localhost:" + port);
        matrix.endpoint("GET", "/api/v1/customers/{id}/summary").requires("customers:read").ok(200)
                .record(this::customerOfOwner);
        matrix.verify();
    }

    @Test
    void summaryRequestsWithoutAValidTokenAre401Problems() {
        new TokenChecks("http://localhost:" + port)
                .rejectInvalidTokens("GET", "/api/v1/customers/" + customerOfOwner() + "/summary", null);
    }
}

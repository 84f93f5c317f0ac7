package io.channelops.sales.quote;

import static io.channelops.sales.quote.QuoteFixtures.line;
import static io.channelops.sales.quote.QuoteFixtures.uniqueCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.platform.test.AccessMatrix;
import io.channelops.platform.test.ServiceIntegrationTest;
import io.channelops.platform.test.TokenChecks;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what on quotes, over real HTTP with real tokens. Quotes are owned records: every id-bearing endpoint
 * answers 403 without its permission, 404 outside the caller's data scope and succeeds otherwise, on a quote of
 * {@link AccessMatrix#OWNER} (rep A of team east-1) in the state the action needs; the list shows it exactly to those
 * who may see it.
 */
@ServiceIntegrationTest
class QuotesAccessMatrixIT {

    private static final String QUOTES = "/api/v1/quotes";

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcTemplate jdbc;

    private QuoteFixtures fixtures;
    private QuoteFixtures.Product product;

    @BeforeEach
    void fixtures() {
        fixtures = new QuoteFixtures(mvc, json, jdbc);
        product = fixtures.product();
    }

    @Test
    void everyQuoteEndpointAnswersEveryCallerAsThePermissionsAndDataScopeRequire() {
        AccessMatrix matrix = new AccessMatrix("sales-quotes", "http://localhost:" + port);

        // create: the new quote belongs to its creator, so any caller with quotes:write may create one
        matrix.endpoint("POST", QUOTES).requires("quotes:write").ok(201).unscoped()
                .record(QuoteFixtures::uniqueCustomer)
                .body(customer -> "{\"customerId\":\"" + customer + "\",\"lines\":[" + line(product, 1, null, null)
                        + "]}");
        matrix.endpoint("GET", QUOTES + "/{id}").requires("quotes:read").record(this::draft);
        matrix.endpoint("PATCH", QUOTES + "/{id}").requires("quotes:write").record(this::draft)
                .body(id -> "{\"notes\":\"Matrix note\"}").header("If-Match", id -> "\"0\"");
        matrix.endpoint("POST", QUOTES + "/{id}/submit").requires("quotes:write").record(this::draft);
        matrix.endpoint("POST", QUOTES + "/{id}/approve").requires("quotes:approve").record(this::pending)
                .body(id -> "{\"note\":\"Matrix approval\"}");
        matrix.endpoint("POST", QUOTES + "/{id}/reject").requires("quotes:approve").record(this::pending)
                .body(id -> "{\"note\":\"Matrix rejection\"}");
        matrix.endpoint("POST", QUOTES + "/{id}/send").requires("quotes:write").record(this::approved);
        matrix.endpoint("POST", QUOTES + "/{id}/accept").requires("quotes:write").record(this::sent);
        matrix.endpoint("POST", QUOTES + "/{id}/decline").requires("quotes:write").record(this::sent)
                .body(id -> "{\"reason\":\"Matrix decline\"}");
        matrix.endpoint("POST", QUOTES + "/{id}/revise").requires("quotes:write").ok(201).record(this::sent);
        matrix.endpoint("GET", QUOTES + "/{id}/versions").requires("quotes:read").record(this::draft);
        matrix.endpoint("GET", QUOTES + "/{id}/pdf").requires("quotes:read").record(this::draft);

        String customer = uniqueCustomer();
        String listed = fixtures.draft(AccessMatrix.OWNER, customer, line(product, 1, null, null)).get("id")
                .asString();
        matrix.listing(QUOTES + "?customerId=" + customer, "quotes:read", () -> listed);

        System.out.println("quotes access matrix: " + matrix.caseCount() + " cases");
        matrix.verify();
    }

    @Test
    void answers401ProblemWithoutAValidTokenAndChangesNothing() throws Exception {
        String id = draft();
        TokenChecks checks = new TokenChecks("http://localhost:" + port);
        for (String path : List.of(QUOTES + "/" + id, QUOTES + "/" + id + "/pdf", QUOTES + "?customerId=x")) {
            // the same request with a valid token works, so a 401 below is the token's doing
            mvc.perform(get(path).with(AccessMatrix.OWNER.asCaller())).andExpect(status().isOk());
            checks.rejectInvalidTokens("GET", path, null);
        }
        checks.rejectInvalidTokens("POST", QUOTES + "/" + id + "/submit", null);
        checks.rejectInvalidTokens("POST", QUOTES, "{\"customerId\":\"x\"}");
        mvc.perform(get(QUOTES + "/" + id)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DRAFT"));
    }

    /** A draft quote of the owner. */
    private String draft() {
        return fixtures.draft(AccessMatrix.OWNER, uniqueCustomer(), line(product, 1, null, null)).get("id")
                .asString();
    }

    /** A quote the owner submitted with 15 % off (over a rep's 10 %): pending a manager's approval. */
    private String pending() {
        JsonNode quote = fixtures.submitted(AccessMatrix.OWNER, uniqueCustomer(), line(product, 1, null, "15"));
        assertThat(quote.get("status").asString()).isEqualTo("PENDING_APPROVAL");
        return quote.get("id").asString();
    }

    /** A quote of the owner approved on submit. */
    private String approved() {
        JsonNode quote = fixtures.submitted(AccessMatrix.OWNER, uniqueCustomer(), line(product, 1, null, null));
        assertThat(quote.get("status").asString()).isEqualTo("APPROVED");
        return quote.get("id").asString();
    }

    /** An approved quote of the owner, sent to the customer. */
    private String sent() {
        return fixtures.sent(AccessMatrix.OWNER, product);
    }

}

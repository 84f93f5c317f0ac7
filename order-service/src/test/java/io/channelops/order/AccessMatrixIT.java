package io.channelops.order;

import static io.channelops.order.support.OtherServices.financeApproves;
import static io.channelops.order.support.OtherServices.financeRejects;
import static io.channelops.order.support.OtherServices.salesPrices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.order.support.IntegrationTestSupport;
import io.channelops.platform.test.AccessMatrix;
import io.channelops.platform.test.TokenChecks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Who may do what to an order, over real HTTP with real tokens: every id-bearing endpoint and the
 * list, called by every kind of caller on a fresh order of {@link AccessMatrix#OWNER} (403 without
 * the permission, 404 out of data scope, the success status otherwise); and requests without a
 * valid token answer 401 before reaching any endpoint.
 */
class AccessMatrixIT extends IntegrationTestSupport {

    @Value("${local.server.port}")
    int port;

    private final String product = uuid();
    /** finance-service approves this customer's orders. */
    private final String approvedCustomer = uuid();
    /** finance-service refuses this customer's orders: they go on credit hold. */
    private final String heldCustomer = uuid();
    /** Only the listing's order is of this customer, so the list is short and holds it exactly when visible. */
    private final String listedCustomer = uuid();

    /** A new draft of {@code customerId}, created by the owner through the API. */
    private String draftOfOwner(String customerId) {
        try {
            JsonNode created = read(mvc.perform(post("/api/v1/orders").with(AccessMatrix.OWNER.asCaller())
                            .contentType(MediaType.APPLICATION_JSON).content(orderBody(customerId, "CNY", product, "2")))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.salesRepId").value(AccessMatrix.OWNER.id()))
                    .andReturn());
            return created.get("id").asString();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private String draft() {
        return draftOfOwner(approvedCustomer);
    }

    /** A new order of the owner that finance refused: {@code CREDIT_HOLD}, waiting for a manager's release. */
    private String heldOrder() {
        String id = draftOfOwner(heldCustomer);
        try {
            mvc.perform(post("/api/v1/orders/" + id + "/submit").with(AccessMatrix.OWNER.asCaller()))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CREDIT_HOLD"));
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
        return id;
    }

    @Test
    void everyEndpointAnswersEachCallerAsTheAccessRulesSay() {
        salesPrices(product, "12.50", "CNY");
        financeApproves(approvedCustomer);
        financeRejects(heldCustomer, "CREDIT_LIMIT_EXCEEDED");

        AccessMatrix matrix = new AccessMatrix("order-service", "http://localhost:" + port);
        matrix.endpoint("GET", "/api/v1/orders/{id}").requires("orders:read").ok(200).record(this::draft);
        matrix.endpoint("POST", "/api/v1/orders/{id}/submit").requires("orders:write").ok(200).record(this::draft)
                .header("If-Match", id -> "\"0\"");
        matrix.endpoint("POST", "/api/v1/orders/{id}/cancel").requires("orders:write").ok(200).record(this::draft);
        matrix.endpoint("POST", "/api/v1/orders/{id}/release").requires("orders:approve").ok(200)
                .record(this::heldOrder);
        matrix.listing("/api/v1/orders?customerId=" + listedCustomer + "&size=200", "orders:read",
                () -> draftOfOwner(listedCustomer));
        matrix.verify();
    }

    @Test
    void aRequestWithoutAValidTokenAnswers401ProblemJson() throws Exception {
        salesPrices(product, "12.50", "CNY");
        String id = draftOfOwner(approvedCustomer);
        TokenChecks checks = new TokenChecks("http://localhost:" + port);
        checks.rejectInvalidTokens("GET", "/api/v1/orders", null);
        checks.rejectInvalidTokens("GET", "/api/v1/orders/" + id, null);
        checks.rejectInvalidTokens("POST", "/api/v1/orders/" + id + "/cancel", null);
        assertThat(statusOf(id)).as("nothing was cancelled").isEqualTo("DRAFT");
    }
}

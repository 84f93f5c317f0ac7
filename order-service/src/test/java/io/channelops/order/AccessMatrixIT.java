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
import io.channelops.platform.test.Callers;
import io.channelops.platform.test.tokens.TestIssuer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
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

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

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
        TestIssuer issuer = TestIssuer.shared();
        String rep = Callers.REP_EAST_1.id();
        String team = Callers.REP_EAST_1.orgPath();
        Map<String, @Nullable String> tokens = new LinkedHashMap<>();
        tokens.put("no token", null);
        tokens.put("tampered", issuer.tamperedToken(rep, team));
        tokens.put("expired", issuer.expiredToken(rep, team, "REP"));
        tokens.put("unsigned", issuer.unsignedToken(rep, team, "REP"));
        tokens.put("foreign key", issuer.foreignKeyToken(rep, team, "REP"));
        tokens.put("wrong issuer", issuer.wrongIssuerToken(rep, team, "REP"));
        tokens.put("wrong audience", issuer.wrongAudienceToken(rep, team, "REP"));
        salesPrices(product, "12.50", "CNY");
        String id = draftOfOwner(approvedCustomer);

        for (Map.Entry<String, @Nullable String> token : tokens.entrySet()) {
            for (String[] call : new String[][] {{"GET", "/api/v1/orders"}, {"GET", "/api/v1/orders/" + id},
                    {"POST", "/api/v1/orders/" + id + "/cancel"}}) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + call[1]))
                        .timeout(Duration.ofSeconds(10))
                        .method(call[0], HttpRequest.BodyPublishers.noBody());
                if (token.getValue() != null) {
                    request.header("Authorization", "Bearer " + token.getValue());
                }
                HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as("%s %s with %s", call[0], call[1], token.getKey())
                        .isEqualTo(401);
                assertThat(response.headers().firstValue("Content-Type")).as(token.getKey())
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(json.readTree(response.body()).get("code").asString()).isEqualTo("UNAUTHENTICATED");
            }
        }
        assertThat(statusOf(id)).as("nothing was cancelled").isEqualTo("DRAFT");
    }
}

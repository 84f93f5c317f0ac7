package io.channelops.finance;

import static io.channelops.finance.FinanceApi.line;
import static io.channelops.finance.FinanceApi.money;
import static io.channelops.finance.FinanceApi.newId;
import static io.channelops.finance.FinanceApi.orderApproved;
import static io.channelops.finance.FinanceApi.shipmentDispatched;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.platform.test.AccessMatrix;
import io.channelops.platform.test.Callers;
import io.channelops.platform.test.EventProbe;
import io.channelops.platform.test.ServiceIntegrationTest;
import io.channelops.platform.test.TokenChecks;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what, over real HTTP with real tokens: every id-bearing endpoint and the invoice list
 * of finance-service, for every kind of caller ({@link AccessMatrix}), plus requests without a valid
 * token.
 *
 * <p>Records under test:
 * <ul>
 *   <li>invoices are made the way production makes them, from {@code OrderApproved} and
 *       {@code ShipmentDispatched} of an order owned by {@link AccessMatrix#OWNER}: the invoice
 *       inherits the order's ownership;</li>
 *   <li>payments are posted by the finance user against such an invoice and inherit its ownership;</li>
 *   <li>credit accounts are finance reference data per customer (one per customer, opened and
 *       maintained by finance, whose scope is ALL anyway), so their endpoints are
 *       {@link AccessMatrix.Endpoint#unscoped() unscoped}: only the permission decides. The credit
 *       check is unscoped too: it is a business rule over all of the customer's receivables, whoever
 *       asks, and answers only its decision.</li>
 * </ul>
 */
@ServiceIntegrationTest
class AccessMatrixIT {

    /** One invoice per case of the three invoice-based endpoints, plus one for the list. */
    private static final int INVOICES = 3 * AccessMatrix.callers("any").size() + 1;

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JsonMapper json;

    FinanceApi api;

    /** The customer of every invoice the matrix uses. */
    final String customerId = newId();

    /** Invoices of {@link AccessMatrix#OWNER}'s orders made ahead in one batch, each handed out once. */
    final Deque<String> invoices = new ArrayDeque<>();

    @BeforeEach
    void setUp() {
        api = new FinanceApi(mvc, json);
    }

    /**
     * Publishes the approval and the shipment of {@code count} orders of {@link AccessMatrix#OWNER} at
     * once and waits until finance has invoiced them all (faster than one round trip per case).
     */
    private void invoiceOrdersOfOwner(int count) {
        List<String> orderIds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String orderId = newId();
            orderIds.add(orderId);
            EventProbe.publish(orderApproved(orderId, customerId, "100", "CNY", AccessMatrix.OWNER), 1);
            EventProbe.publish(shipmentDispatched(newId(), orderId, customerId, "CNY", AccessMatrix.OWNER,
                    line("p-1", 1, "100")), 1);
        }
        String in = String.join(",", orderIds.stream().map(id -> "?").toList());
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() ->
                jdbc.queryForObject("SELECT COUNT(*) FROM invoices WHERE order_id IN (" + in + ")", Long.class,
                        orderIds.toArray()) == count);
        invoices.addAll(jdbc.queryForList("SELECT id FROM invoices WHERE order_id IN (" + in + ")", String.class,
                orderIds.toArray()));
    }

    /** A fresh invoice of an order of {@link AccessMatrix#OWNER}. */
    private String invoiceOfOwner() {
        if (invoices.isEmpty()) {
            invoiceOrdersOfOwner(1);
        }
        return invoices.pop();
    }

    /** A fresh payment, posted by finance against a fresh invoice of {@link AccessMatrix#OWNER}. */
    private String paymentOfOwner() {
        try {
            String body = mvc.perform(post("/api/v1/payments").with(Callers.FINANCE.asCaller())
                            .contentType(MediaType.APPLICATION_JSON).content(paymentBody(invoiceOfOwner())))
                    .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
            return api.read(body).get("id").asString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh credit account (reference data: opened by finance, as in production). */
    private String creditAccount() {
        String id = newId();
        try {
            api.openAccount(id, "1000", "CNY");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    private String paymentBody(String invoiceId) {
        return "{\"customerId\":\"" + customerId + "\",\"invoiceId\":\"" + invoiceId + "\",\"amount\":"
                + money("10", "CNY") + "}";
    }

    @Test
    void everyEndpointAnswersEveryCallerAsTheAccessRulesSay() {
        invoiceOrdersOfOwner(INVOICES);
        AccessMatrix matrix = new AccessMatrix("finance-service", "http://localhost:" + port);

        // credit accounts: finance reference data per customer, not org-scoped
        matrix.endpoint("POST", "/api/v1/credit-accounts").requires("credit:write").ok(201).unscoped()
                .record(FinanceApi::newId)
                .body(id -> "{\"customerId\":\"" + id + "\",\"creditLimit\":" + money("1000", "CNY") + "}");
        matrix.endpoint("GET", "/api/v1/credit-accounts/{id}").requires("finance:read").ok(200).unscoped()
                .record(this::creditAccount);
        matrix.endpoint("PATCH", "/api/v1/credit-accounts/{id}").requires("credit:write").ok(200).unscoped()
                .record(this::creditAccount)
                .body(id -> "{\"creditLimit\":" + money("2000", "CNY") + "}")
                .header("If-Match", id -> "\"0\"");
        // the credit check: a business rule over the customer's whole exposure, whoever asks
        matrix.endpoint("POST", "/api/v1/credit-checks").requires("credit:check").ok(200).unscoped()
                .record(this::creditAccount)
                .body(id -> "{\"customerId\":\"" + id + "\",\"orderId\":\"" + newId() + "\",\"amount\":"
                        + money("10", "CNY") + "}");

        // invoices and payments: owned like the order, scoped
        matrix.endpoint("GET", "/api/v1/invoices/{id}").requires("finance:read").ok(200)
                .record(this::invoiceOfOwner);
        matrix.endpoint("POST", "/api/v1/payments").requires("finance:write").ok(201)
                .record(this::invoiceOfOwner).body(this::paymentBody);
        matrix.endpoint("GET", "/api/v1/payments/{id}").requires("finance:read").ok(200)
                .record(this::paymentOfOwner);
        matrix.listing("/api/v1/invoices?size=200&customerId=" + customerId, "finance:read", this::invoiceOfOwner);

        matrix.verify();
        assertThat(matrix.caseCount()).isEqualTo(8 * AccessMatrix.callers("any").size());
    }

    @Test
    void answersRequestsWithoutAValidTokenWith401Problems() throws Exception {
        new TokenChecks("http://localhost:" + port).rejectInvalidTokens("GET", "/api/v1/invoices", null);
        // the same request with a valid token works, so the 401s were the token's doing
        mvc.perform(get("/api/v1/invoices").with(Callers.FINANCE.asCaller())).andExpect(status().isOk());
    }
}

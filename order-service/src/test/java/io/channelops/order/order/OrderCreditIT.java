package io.channelops.order.order;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.channelops.order.support.OtherServices.CREDIT_CHECKS;
import static io.channelops.order.support.OtherServices.FINANCE;
import static io.channelops.order.support.OtherServices.PRICES;
import static io.channelops.order.support.OtherServices.SALES;
import static io.channelops.order.support.OtherServices.approved;
import static io.channelops.order.support.OtherServices.creditCheckRequest;
import static io.channelops.order.support.OtherServices.financeApproves;
import static io.channelops.order.support.OtherServices.financeRejects;
import static io.channelops.order.support.OtherServices.problem;
import static io.channelops.order.support.OtherServices.salesPrices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.channelops.events.Topics;
import io.channelops.events.order.OrderApproved;
import io.channelops.events.order.OrderCreditHeld;
import io.channelops.order.support.IntegrationTestSupport;
import io.channelops.platform.test.Callers;
import io.channelops.platform.test.EventProbe;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/** Submitting orders through the credit gate, with WireMock'd finance-service, and the background re-check. */
class OrderCreditIT extends IntegrationTestSupport {

    private static final Duration EVENT_WAIT = Duration.ofSeconds(30);
    private static final Duration RECHECK_WAIT = Duration.ofSeconds(20);

    @Autowired
    CreditRecheckJob recheckJob;

    @Autowired
    MeterRegistry meters;

    @Value("${spring.application.name}")
    String serviceClientId;

    /** A draft of a new customer: 3 × 12.50 + 2 × 100.00 = 237.50 CNY. */
    private record Draft(String id, String customer, String widget, String gadget) {
    }

    private Draft draft() throws Exception {
        String customer = uuid();
        String widget = uuid();
        String gadget = uuid();
        salesPrices(widget, "12.50", "CNY");
        salesPrices(gadget, "100.00", "CNY");
        return new Draft(createOrder(customer, widget, "3", gadget, "2").get("id").asString(), customer, widget,
                gadget);
    }

    private static void financeAnswers(String customer, ResponseDefinitionBuilder response) {
        FINANCE.stubFor(creditCheckRequest(customer).willReturn(response));
    }

    private static int creditChecksOf(String orderId) {
        return FINANCE.findAll(postRequestedFor(urlPathEqualTo(CREDIT_CHECKS))
                .withRequestBody(matchingJsonPath("$.orderId", equalTo(orderId)))).size();
    }

    private JsonNode submitAndExpect(String orderId, String expectedStatus) throws Exception {
        return read(mvc.perform(post("/api/v1/orders/" + orderId + "/submit"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value(expectedStatus))
                .andReturn());
    }

    private void awaitStatus(String orderId, String expected) {
        await().atMost(RECHECK_WAIT).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(statusOf(orderId)).isEqualTo(expected));
    }

    private static ConsumerRecord<String, String> awaitEvent(String orderId, Class<?> type) {
        return EventProbe.await(Topics.ORDERS, r -> orderId.equals(r.key())
                && ("io.channelops.order." + type.getSimpleName()).equals(EventProbe.header(r, "ce_type")), EVENT_WAIT);
    }

    @Test
    void submitsAnOrderFinanceApprovesAndPublishesOrderApprovedWithLinesPricesAndTotal() throws Exception {
        Draft draft = draft();
        financeApproves(draft.customer());

        mvc.perform(post("/api/v1/orders/" + draft.id() + "/submit").header("If-Match", "\"0\""))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.submittedAt").isNotEmpty())
                .andExpect(jsonPath("$.approvedAt").isNotEmpty())
                .andExpect(jsonPath("$.creditCheck.attempts").value(1));

        // the Feign contract: POST /api/v1/credit-checks {customerId, orderId, amount{amount, currency}}
        FINANCE.verify(1, postRequestedFor(urlPathEqualTo(CREDIT_CHECKS)).withRequestBody(equalToJson("""
                {"customerId":"%s","orderId":"%s","amount":{"amount":237.50,"currency":"CNY"}}"""
                .formatted(draft.customer(), draft.id()))));

        ConsumerRecord<String, String> record = awaitEvent(draft.id(), OrderApproved.class);
        assertThat(EventProbe.header(record, "ce_source")).isEqualTo("/channelops/order");
        assertThat(EventProbe.header(record, "ce_subject")).isEqualTo(draft.id());
        OrderApproved event = EventProbe.payload(record, OrderApproved.class);
        JsonNode order = order(draft.id());
        assertThat(event.orderNumber()).isEqualTo(order.get("number").asString());
        assertThat(event.customerId()).isEqualTo(draft.customer());
        assertThat(event.salesRepId()).as("the order's owner").isEqualTo(Callers.DEFAULT.id())
                .isEqualTo(order.get("salesRepId").asString());
        assertThat(event.orgPath()).as("the owner's org path").isEqualTo(Callers.DEFAULT.orgPath());
        assertThat(event.total().amount()).isEqualByComparingTo("237.50");
        assertThat(event.total().currency()).isEqualTo("CNY");
        assertThat(event.lines()).hasSize(2);
        assertThat(event.lines().get(0).lineNo()).isEqualTo(1);
        assertThat(event.lines().get(0).productId()).isEqualTo(draft.widget());
        assertThat(event.lines().get(0).quantity()).isEqualTo(3);
        assertThat(event.lines().get(0).unitPrice()).isEqualByComparingTo("12.50");
        assertThat(event.lines().get(1).productId()).isEqualTo(draft.gadget());
        assertThat(event.lines().get(1).unitPrice()).isEqualByComparingTo("100.00");
        assertThat(event.approvedAt()).isNotNull();
    }

    /** Sends exactly {@code token} as the caller's bearer token. */
    private static RequestPostProcessor bearer(String token) {
        return request -> {
            request.removeHeader(HttpHeaders.AUTHORIZATION);
            request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
            return request;
        };
    }

    /** The {@code sub} claim of the bearer JWT in an {@code Authorization} header, read from its payload. */
    private String subjectOf(String authorization) {
        return claimsOf(authorization).get("sub").asString();
    }

    private JsonNode claimsOf(String authorization) {
        assertThat(authorization).startsWith("Bearer ");
        String[] parts = authorization.substring("Bearer ".length()).split("\\.");
        assertThat(parts).hasSize(3);
        return json.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    @Test
    void relaysTheCallersOwnTokenToSalesAndFinanceDuringARequest() throws Exception {
        String token = Callers.REP_EAST_1.token();
        String customer = uuid();
        String product = uuid();
        salesPrices(product, "12.50", "CNY");
        financeApproves(customer);

        String id = read(mvc.perform(post("/api/v1/orders").with(bearer(token)).contentType(MediaType.APPLICATION_JSON)
                .content(orderBody(customer, "CNY", product, "2"))).andExpect(status().isCreated()).andReturn())
                .get("id").asString();
        SALES.verify(1, getRequestedFor(urlPathEqualTo(PRICES)).withQueryParam("productId", equalTo(product))
                .withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + token)));

        mvc.perform(post("/api/v1/orders/" + id + "/submit").with(bearer(token)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));
        FINANCE.verify(1, postRequestedFor(urlPathEqualTo(CREDIT_CHECKS))
                .withRequestBody(matchingJsonPath("$.orderId", equalTo(id)))
                .withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + token)));
        assertThat(creditChecksOf(id)).isEqualTo(1);
    }

    @Test
    void theBackgroundRecheckCallsFinanceWithTheServicesOwnClientCredentialsToken() throws Exception {
        assertThat(serviceClientId).isEqualTo("order-service");
        String token = Callers.REP_EAST_1.token();
        String customer = uuid();
        String product = uuid();
        salesPrices(product, "12.50", "CNY");
        String id = read(mvc.perform(post("/api/v1/orders").with(bearer(token)).contentType(MediaType.APPLICATION_JSON)
                .content(orderBody(customer, "CNY", product, "2"))).andExpect(status().isCreated()).andReturn())
                .get("id").asString();
        financeAnswers(customer, problem(503, "UNAVAILABLE"));
        mvc.perform(post("/api/v1/orders/" + id + "/submit").with(bearer(token)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CREDIT_CHECK_PENDING"));

        financeApproves(customer);
        awaitStatus(id, "APPROVED");

        List<String> authorizations = FINANCE.findAll(postRequestedFor(urlPathEqualTo(CREDIT_CHECKS))
                        .withRequestBody(matchingJsonPath("$.orderId", equalTo(id))))
                .stream().map(check -> check.getHeader(HttpHeaders.AUTHORIZATION)).toList();
        int submitChecks = (int) authorizations.stream().takeWhile(("Bearer " + token)::equals).count();
        assertThat(submitChecks).as("the submit's checks (with retries) carry the caller's token").isBetween(1, 3);
        assertThat(authorizations.subList(submitChecks, authorizations.size()))
                .as("the background re-checks, made by no caller, carry the service's own token")
                .isNotEmpty()
                .allSatisfy(authorization -> {
                    assertThat(subjectOf(authorization)).isEqualTo(serviceClientId);
                    // the service asks for the scopes it needs: an authorization server grants none unasked
                    assertThat(claimsOf(authorization).get("scope").values()).extracting(JsonNode::asString)
                            .contains("credit:check");
                });
    }

    @Test
    void rejectsAnOrderOverTheCreditLimitIntoCreditHoldAndPublishesOrderCreditHeld() throws Exception {
        Draft draft = draft();
        financeRejects(draft.customer(), "CREDIT_LIMIT_EXCEEDED");

        JsonNode held = submitAndExpect(draft.id(), "CREDIT_HOLD");
        assertThat(held.get("creditHoldReason").asString()).isEqualTo("CREDIT_LIMIT_EXCEEDED");

        OrderCreditHeld event = EventProbe.payload(awaitEvent(draft.id(), OrderCreditHeld.class),
                OrderCreditHeld.class);
        assertThat(event.reason()).isEqualTo("CREDIT_LIMIT_EXCEEDED");
        assertThat(event.customerId()).isEqualTo(draft.customer());
        assertThat(event.total().amount()).isEqualByComparingTo(new BigDecimal("237.50"));
        assertThat(EventProbe.collect(Topics.ORDERS, r -> draft.id().equals(r.key())
                && "io.channelops.order.OrderApproved".equals(EventProbe.header(r, "ce_type")), 1,
                Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    void releasesAnOrderFromCreditHoldAndPublishesOrderApproved() throws Exception {
        Draft draft = draft();
        financeRejects(draft.customer(), "NO_CREDIT_ACCOUNT");
        submitAndExpect(draft.id(), "CREDIT_HOLD");

        mvc.perform(post("/api/v1/orders/" + draft.id() + "/release"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.creditHoldReason").value("NO_CREDIT_ACCOUNT"));
        OrderApproved event = EventProbe.payload(awaitEvent(draft.id(), OrderApproved.class), OrderApproved.class);
        assertThat(event.total().amount()).isEqualByComparingTo("237.50");
        assertThat(creditChecksOf(draft.id())).isEqualTo(1);
    }

    @Test
    void refusesActionsTheStatusDoesNotAllowWith409() throws Exception {
        Draft draft = draft();
        mvc.perform(post("/api/v1/orders/" + draft.id() + "/release"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("ILLEGAL_STATE_TRANSITION"));
        financeApproves(draft.customer());
        submitAndExpect(draft.id(), "APPROVED");
        for (String action : List.of("submit", "release", "cancel")) {
            mvc.perform(post("/api/v1/orders/" + draft.id() + "/" + action))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("ILLEGAL_STATE_TRANSITION"));
        }
        assertThat(creditChecksOf(draft.id())).isEqualTo(1);
        assertThat(statusOf(draft.id())).isEqualTo("APPROVED");
        mvc.perform(post("/api/v1/orders/" + uuid() + "/submit")).andExpect(status().isNotFound());
    }

    @Test
    void retriesAFailedCreditCheckAndApprovesOnSubmit() throws Exception {
        Draft draft = draft();
        FINANCE.stubFor(creditCheckRequest(draft.customer()).inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(problem(503, "UNAVAILABLE"))
                .willSetStateTo("recovered"));
        FINANCE.stubFor(creditCheckRequest(draft.customer()).inScenario("flaky")
                .whenScenarioStateIs("recovered").willReturn(approved()));

        submitAndExpect(draft.id(), "APPROVED");
        assertThat(creditChecksOf(draft.id())).isEqualTo(2);
        awaitEvent(draft.id(), OrderApproved.class);
    }

    @Test
    void financeFailingLeavesTheOrderPendingUntilTheBackgroundRecheckApprovesIt() throws Exception {
        Draft draft = draft();
        financeAnswers(draft.customer(), problem(500, "INTERNAL_ERROR"));

        JsonNode pending = submitAndExpect(draft.id(), "CREDIT_CHECK_PENDING");
        assertThat(pending.get("creditCheck").get("lastError").asString()).contains("500");
        assertThat(pending.get("creditCheck").get("nextAttemptAt").asString()).isNotEmpty();
        assertThat(creditChecksOf(draft.id())).as("tried three times").isGreaterThanOrEqualTo(3);

        financeApproves(draft.customer());
        awaitStatus(draft.id(), "APPROVED");
        assertThat(order(draft.id()).get("creditCheck").get("attempts").asInt()).isGreaterThanOrEqualTo(2);
        awaitEvent(draft.id(), OrderApproved.class);
    }

    @Test
    void financeTooSlowLeavesTheOrderPendingUntilTheRecheckApprovesIt() throws Exception {
        Draft draft = draft();
        financeAnswers(draft.customer(), approved().withFixedDelay(1_200));

        submitAndExpect(draft.id(), "CREDIT_CHECK_PENDING");

        financeApproves(draft.customer());
        awaitStatus(draft.id(), "APPROVED");
        awaitEvent(draft.id(), OrderApproved.class);
    }

    @Test
    void financeUnreachableLeavesTheOrderPendingUntilTheRecheckHoldsIt() throws Exception {
        Draft draft = draft();
        financeAnswers(draft.customer(), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        JsonNode pending = submitAndExpect(draft.id(), "CREDIT_CHECK_PENDING");
        assertThat(pending.get("creditCheck").get("lastError").asString()).contains("unreachable");

        financeRejects(draft.customer(), "CREDIT_LIMIT_EXCEEDED");
        awaitStatus(draft.id(), "CREDIT_HOLD");
        OrderCreditHeld event = EventProbe.payload(awaitEvent(draft.id(), OrderCreditHeld.class),
                OrderCreditHeld.class);
        assertThat(event.reason()).isEqualTo("CREDIT_LIMIT_EXCEEDED");
    }

    @Test
    void anOpenFinanceCircuitLeavesTheOrderPendingWithoutCallingFinanceUntilItCloses() throws Exception {
        Draft draft = draft();
        financeApproves(draft.customer());
        var circuit = resilience.circuitBreakers().circuitBreaker("finance");
        circuit.transitionToForcedOpenState();

        JsonNode pending = submitAndExpect(draft.id(), "CREDIT_CHECK_PENDING");
        assertThat(pending.get("creditCheck").get("lastError").asString()).contains("circuit open");
        assertThat(creditChecksOf(draft.id())).isZero();

        circuit.reset();
        awaitStatus(draft.id(), "APPROVED");
        assertThat(creditChecksOf(draft.id())).isEqualTo(1);
    }

    @Test
    void cancelsAnOrderWaitingForItsCreditCheck() throws Exception {
        Draft draft = draft();
        resilience.circuitBreakers().circuitBreaker("finance").transitionToForcedOpenState();
        submitAndExpect(draft.id(), "CREDIT_CHECK_PENDING");

        mvc.perform(post("/api/v1/orders/" + draft.id() + "/cancel"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CANCELLED"));
        resilience.circuitBreakers().circuitBreaker("finance").reset();
        financeApproves(draft.customer());
        jdbc.update("UPDATE orders SET credit_recheck_after = ? WHERE id = ?",
                Timestamp.from(Instant.now().minusSeconds(1)), draft.id());
        recheckJob.recheckDue();
        assertThat(statusOf(draft.id())).isEqualTo("CANCELLED");
        assertThat(creditChecksOf(draft.id())).isZero();
    }

    @Test
    void rechecksEachPendingOrderOnceWhileSeveralReplicasRunTheRecheck() throws Exception {
        List<Draft> drafts = new ArrayList<>();
        var circuit = resilience.circuitBreakers().circuitBreaker("finance");
        circuit.transitionToForcedOpenState();
        for (int i = 0; i < 5; i++) {
            Draft draft = draft();
            financeApproves(draft.customer());
            submitAndExpect(draft.id(), "CREDIT_CHECK_PENDING");
            drafts.add(draft);
        }
        await().atMost(RECHECK_WAIT).until(() -> meters.get("channelops.orders.credit.pending").gauge().value() >= 5);
        circuit.reset();
        List<String> ids = drafts.stream().map(Draft::id).toList();
        jdbc.update("UPDATE orders SET credit_recheck_after = ? WHERE id IN (?, ?, ?, ?, ?)",
                Timestamp.from(Instant.now().minusSeconds(1)), ids.get(0), ids.get(1), ids.get(2),
                ids.get(3), ids.get(4));

        // four "replicas" run the re-check at once, next to the scheduled one
        List<Callable<Integer>> replicas = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            replicas.add(() -> recheckJob.recheckDue());
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (Future<Integer> replica : pool.invokeAll(replicas)) {
                replica.get();
            }
        }
        for (String id : ids) {
            awaitStatus(id, "APPROVED");
        }
        for (String id : ids) {
            assertThat(creditChecksOf(id)).as("credit checks of order %s", id).isEqualTo(1);
        }
        assertThat(EventProbe.collect(Topics.ORDERS, r -> ids.contains(r.key()), 6, Duration.ofSeconds(2)))
                .hasSize(5);
    }
}

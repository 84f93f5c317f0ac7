package io.channelops.finance.credit;

import static io.channelops.finance.FinanceApi.amount;
import static io.channelops.finance.FinanceApi.money;
import static io.channelops.finance.FinanceApi.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.events.Topics;
import io.channelops.finance.FinanceApi;
import io.channelops.platform.test.Caller;
import io.channelops.platform.test.Callers;
import io.channelops.platform.test.EventProbe;
import io.channelops.platform.test.ServiceIntegrationTest;
import java.math.BigDecimal;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Credit accounts and credit checks against the real database and broker. Accounts are opened and
 * changed by {@link Callers#FINANCE} (credit:write); reads and checks run as the default caller.
 */
@ServiceIntegrationTest
class CreditApiIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JsonMapper json;

    FinanceApi api;

    @BeforeEach
    void setUp() {
        api = new FinanceApi(mvc, json);
    }

    /** A fresh token of the finance user for each request. */
    private static RequestPostProcessor finance() {
        return Callers.FINANCE.asCaller();
    }

    private static String accountBody(String customerId, String limit, String currency) {
        return "{\"customerId\":\"" + customerId + "\",\"creditLimit\":" + money(limit, currency) + "}";
    }

    private static MockHttpServletRequestBuilder checkRequest(String customerId, String orderId, String amount) {
        return post("/api/v1/credit-checks").contentType(MediaType.APPLICATION_JSON)
                .content("{\"customerId\":\"" + customerId + "\",\"orderId\":\"" + orderId + "\",\"amount\":"
                        + money(amount, "CNY") + "}");
    }

    private String decisionOf(String customerId, String orderId, String amount, Caller caller) throws Exception {
        JsonNode answer = api.read(mvc.perform(checkRequest(customerId, orderId, amount).with(caller.asCaller()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(answer.propertyNames()).containsExactlyInAnyOrder("decision", "reason");
        return answer.get("decision").asString() + (answer.get("reason").isNull() ? ""
                : " " + answer.get("reason").asString());
    }

    @Test
    void opensACreditAccountChangesItsLimitAndPublishesCreditLimitChangedEachTime() throws Exception {
        String customerId = newId();
        MvcResult created = mvc.perform(post("/api/v1/credit-accounts").with(finance())
                        .contentType(MediaType.APPLICATION_JSON).content(accountBody(customerId, "50000.50", "CNY")))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/credit-accounts/" + customerId))
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.customerId").value(customerId))
                .andExpect(jsonPath("$.creditLimit.currency").value("CNY"))
                .andExpect(jsonPath("$.exposure.total.currency").value("CNY"))
                .andReturn();
        JsonNode account = api.read(created.getResponse().getContentAsString());
        assertThat(amount(account.get("creditLimit"))).isEqualByComparingTo("50000.50");
        assertThat(amount(account.get("available"))).isEqualByComparingTo("50000.50");
        assertThat(amount(account.get("exposure").get("total"))).isZero();
        assertThat(jdbc.queryForMap("SELECT owner_id, org_path FROM credit_accounts WHERE customer_id = ?",
                customerId)).containsEntry("owner_id", Callers.FINANCE.id()).containsEntry("org_path", "/hq");

        mvc.perform(post("/api/v1/credit-accounts").with(finance()).contentType(MediaType.APPLICATION_JSON)
                        .content(accountBody(customerId, "1", "CNY")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("CREDIT_ACCOUNT_EXISTS"));

        String change = "{\"creditLimit\":" + money("80000", "CNY") + "}";
        mvc.perform(patch("/api/v1/credit-accounts/" + customerId).with(finance())
                        .contentType(MediaType.APPLICATION_JSON).content(change))
                .andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.code").value("PRECONDITION_REQUIRED"));
        mvc.perform(patch("/api/v1/credit-accounts/" + customerId).with(finance()).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content(change))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.creditLimit.amount").value(80000.0));
        mvc.perform(patch("/api/v1/credit-accounts/" + customerId).with(finance()).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"creditLimit\":" + money("1", "CNY") + "}"))
                .andExpect(status().isPreconditionFailed()).andExpect(jsonPath("$.code").value("STALE_VERSION"));
        mvc.perform(get("/api/v1/credit-accounts/" + customerId))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.creditLimit.amount").value(80000.0));

        ConsumerRecord<String, String> event = EventProbe.await(Topics.CREDIT_ACCOUNTS,
                r -> customerId.equals(r.key()) && "2".equals(EventProbe.header(r, "ce_aggregateversion")),
                FinanceApi.PATIENCE);
        assertThat(EventProbe.header(event, "ce_type")).isEqualTo("io.channelops.finance.CreditLimitChanged");
        assertThat(EventProbe.header(event, "ce_source")).isEqualTo("/channelops/finance");
        JsonNode payload = api.read(event.value());
        assertThat(payload.get("customerId").asString()).isEqualTo(customerId);
        assertThat(amount(payload.get("creditLimit"))).isEqualByComparingTo("80000");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_events WHERE message_key = ? AND topic = ?",
                Long.class, customerId, Topics.CREDIT_ACCOUNTS)).isEqualTo(2);
    }

    @Test
    void approvesAnOrderThatFitsTheLimitExactlyAndRejectsOrderOverCreditLimitAnsweringOnlyTheDecision()
            throws Exception {
        String customerId = newId();
        api.openAccount(customerId, "1000", "CNY");
        mvc.perform(checkRequest(customerId, newId(), "1000.00"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decision").value("APPROVED"))
                .andExpect(jsonPath("$.reason").value(nullValue()))
                .andExpect(jsonPath("$.creditLimit").doesNotExist())
                .andExpect(jsonPath("$.exposure").doesNotExist())
                .andExpect(jsonPath("$.available").doesNotExist());
        JsonNode rejected = api.check(customerId, newId(), "1000.01", "CNY");
        assertThat(rejected.get("decision").asString()).isEqualTo("REJECTED");
        assertThat(rejected.get("reason").asString()).isEqualTo("CREDIT_LIMIT_EXCEEDED");
        assertThat(rejected.propertyNames()).containsExactlyInAnyOrder("decision", "reason");
    }

    @Test
    void rejectsACustomerWithoutCreditAccount() throws Exception {
        mvc.perform(post("/api/v1/credit-checks").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"customerId\":\"" + newId() + "\",\"orderId\":\"" + newId() + "\",\"amount\":"
                                + money("1", "EUR") + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decision").value("REJECTED"))
                .andExpect(jsonPath("$.reason").value("NO_CREDIT_ACCOUNT"));
    }

    @Test
    void rejectsAnAmountInAnotherCurrencyThanTheLimit() throws Exception {
        String customerId = newId();
        api.openAccount(customerId, "1000000", "CNY");
        JsonNode decision = api.check(customerId, newId(), "1", "USD");
        assertThat(decision.get("decision").asString()).isEqualTo("REJECTED");
        assertThat(decision.get("reason").asString()).isEqualTo("CURRENCY_MISMATCH");
    }

    @Test
    void creditCheckIsRepeatableAndDoesNotCountAnAlreadyApprovedOrderTwice() throws Exception {
        String customerId = newId();
        String orderId = newId();
        api.openAccount(customerId, "1000", "CNY");
        assertThat(api.check(customerId, orderId, "600", "CNY").get("decision").asString()).isEqualTo("APPROVED");

        EventProbe.publish(FinanceApi.orderApproved(orderId, customerId, "600", "CNY"), 1);
        api.awaitAccount(customerId, a -> amount(a.get("exposure").get("approvedNotInvoiced"))
                .compareTo(new BigDecimal("600")) == 0);

        // the order's own 600 is left out: 600 of 1000 still fits
        assertThat(api.check(customerId, orderId, "600", "CNY").get("decision").asString()).isEqualTo("APPROVED");
        // another order sees it: 600 + 600 > 1000, 600 + 400 = 1000 fits exactly
        JsonNode another = api.check(customerId, newId(), "600", "CNY");
        assertThat(another.get("decision").asString()).isEqualTo("REJECTED");
        assertThat(another.get("reason").asString()).isEqualTo("CREDIT_LIMIT_EXCEEDED");
        assertThat(api.check(customerId, newId(), "400", "CNY").get("decision").asString()).isEqualTo("APPROVED");
    }

    @Test
    void rejectsInvalidAccountsAndChecksWithProblemsAndWritesNothing() throws Exception {
        Long before = jdbc.queryForObject("SELECT COUNT(*) FROM credit_accounts", Long.class);
        mvc.perform(post("/api/v1/credit-accounts").with(finance()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"customerId\":\"bad id!\",\"creditLimit\":{\"amount\":-1.001,\"currency\":\"cny\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors.length()").value(4));
        mvc.perform(post("/api/v1/credit-accounts").with(finance()).contentType(MediaType.APPLICATION_JSON)
                        .content(accountBody(newId(), "1234567890123456", "CNY")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("creditLimit.amount"));
        mvc.perform(post("/api/v1/credit-accounts").with(finance()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"customerId\":\"" + newId() + "\",\"creditLimit\":" + money("1", "CNY")
                                + ",\"approved\":true}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("UNKNOWN_FIELD"))
                .andExpect(jsonPath("$.errors[0].field").value("approved"));
        mvc.perform(post("/api/v1/credit-accounts").with(finance()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"customerId\":\"x\",\"creditLimit\":{\"amount\":\"lots\",\"currency\":\"CNY\"}}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_VALUE"));
        mvc.perform(post("/api/v1/credit-accounts").with(finance()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"customerId\":"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("MALFORMED_JSON"));
        mvc.perform(post("/api/v1/credit-checks").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"customerId\":\"" + newId() + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors.length()").value(2));
        mvc.perform(patch("/api/v1/credit-accounts/" + newId()).with(finance()).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"creditLimit\":" + money("1", "CNY") + "}"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
        mvc.perform(get("/api/v1/credit-accounts/" + newId()))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM credit_accounts", Long.class)).isEqualTo(before);
    }

    @Test
    void answersFinanceProblemsInChineseWhenAskedTo() throws Exception {
        String customerId = newId();
        api.openAccount(customerId, "1", "CNY");
        mvc.perform(post("/api/v1/credit-accounts").with(finance()).header("Accept-Language", "zh-CN")
                        .contentType(MediaType.APPLICATION_JSON).content(accountBody(customerId, "1", "CNY")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.title").value("信用账户已存在"))
                .andExpect(jsonPath("$.detail").value("客户 " + customerId + " 已有信用账户，请修改其额度"));
    }

    @Test
    void ownershipCannotBeSentInTheBody() throws Exception {
        String customerId = newId();
        for (String field : new String[] {"\"ownerId\":\"u-rep-east1-a\"", "\"orgPath\":\"/hq/east\""}) {
            mvc.perform(post("/api/v1/credit-accounts").with(finance()).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"customerId\":\"" + customerId + "\",\"creditLimit\":" + money("1", "CNY")
                                    + "," + field + "}"))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("UNKNOWN_FIELD"));
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM credit_accounts WHERE customer_id = ?", Long.class,
                customerId)).isZero();
        api.openAccount(customerId, "1", "CNY");
        mvc.perform(patch("/api/v1/credit-accounts/" + customerId).with(finance()).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"creditLimit\":" + money("2", "CNY") + ",\"ownerId\":\"u-rep-east1-a\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("UNKNOWN_FIELD"));
        assertThat(jdbc.queryForMap("SELECT owner_id, version FROM credit_accounts WHERE customer_id = ?",
                customerId)).containsEntry("owner_id", Callers.FINANCE.id()).containsEntry("version", 0L);
    }

    @Test
    void theExposureShownCountsTheCallersScopeButTheCreditCheckCountsEverything() throws Exception {
        String customerId = newId();
        api.openAccount(customerId, "1000", "CNY");
        // an order of a rep in team east-1, approved and not invoiced yet: 300
        String eastOrder = newId();
        EventProbe.publish(FinanceApi.orderApproved(eastOrder, customerId, "300", "CNY", Callers.REP_EAST_1), 1);
        // an order of a rep in west, invoiced in full: 500
        api.invoicedOrder(customerId, "500", "CNY", Callers.REP_WEST_1);
        JsonNode whole = api.awaitAccount(customerId,
                a -> amount(a.get("exposure").get("total")).compareTo(new BigDecimal("800")) == 0);
        assertThat(amount(whole.get("available"))).isEqualByComparingTo("200");

        JsonNode east = api.account(customerId, Callers.REP_EAST_1);
        assertThat(amount(east.get("exposure").get("approvedNotInvoiced"))).isEqualByComparingTo("300");
        assertThat(amount(east.get("exposure").get("openReceivables"))).isZero();
        assertThat(amount(east.get("available"))).isEqualByComparingTo("700");
        assertThat(amount(east.get("creditLimit"))).isEqualByComparingTo("1000");
        assertThat(amount(api.account(customerId, Callers.REP_EAST_1_B).get("exposure"))).isZero();
        assertThat(amount(api.account(customerId, Callers.MANAGER_EAST).get("exposure"))).isEqualByComparingTo("300");
        JsonNode west = api.account(customerId, Callers.MANAGER_WEST);
        assertThat(amount(west.get("exposure").get("openReceivables"))).isEqualByComparingTo("500");
        assertThat(amount(west.get("exposure").get("approvedNotInvoiced"))).isZero();
        assertThat(amount(api.account(customerId, Callers.FINANCE).get("exposure"))).isEqualByComparingTo("800");

        // the rule counts all 800, whoever asks: the rep's view (available 700) does not decide
        for (Caller caller : List.of(Callers.REP_EAST_1, Callers.REP_EAST_1_B, Callers.MANAGER_WEST,
                Callers.client("order-service", "/hq", "credit:check"),
                Callers.client("east-connector", "/hq/east/team-1", "credit:check"))) {
            assertThat(decisionOf(customerId, newId(), "300", caller)).as("%s", caller)
                    .isEqualTo("REJECTED CREDIT_LIMIT_EXCEEDED");
            assertThat(decisionOf(customerId, newId(), "200", caller)).as("%s", caller).isEqualTo("APPROVED");
        }
        // the order being checked is still left out of the whole exposure
        assertThat(decisionOf(customerId, eastOrder, "500", Callers.REP_EAST_1)).isEqualTo("APPROVED");
        mvc.perform(checkRequest(customerId, newId(), "1").with(Callers.client("no-scope", "/hq", "finance:read")
                        .asCaller()))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("ACCESS_DENIED"));
    }
}

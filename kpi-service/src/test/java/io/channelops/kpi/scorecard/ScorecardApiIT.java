package io.channelops.kpi.scorecard;

import static io.channelops.kpi.KpiEvents.id;
import static io.channelops.kpi.KpiEvents.orderApproved;
import static io.channelops.kpi.KpiEvents.paymentPosted;
import static io.channelops.kpi.KpiReads.shows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.kpi.KpiReads;
import io.channelops.platform.test.Callers;
import io.channelops.platform.test.EventProbe;
import io.channelops.platform.test.ServiceIntegrationTest;
import java.util.List;
import java.util.Random;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** The scorecard and leaderboard API over facts fed through the real broker. */
@ServiceIntegrationTest
class ScorecardApiIT {

    private static final Random RANDOM = new Random();

    @Autowired
    MockMvc mvc;

    KpiReads reads;

    @BeforeEach
    void setUp() {
        reads = new KpiReads(mvc);
    }

    /** A currency code no other test uses, so the leaderboard holds only this test's reps. */
    private static String freshCurrency() {
        StringBuilder code = new StringBuilder("Q");
        for (int i = 0; i < 2; i++) {
            code.append((char) ('A' + RANDOM.nextInt(26)));
        }
        return code.toString();
    }

    @Test
    void showsOneTotalsEntryPerCurrencySortedByCurrencyCode() throws Exception {
        String repId = id();
        String customerId = id();
        String cnyOrder = id();
        String usdOrder = id();
        EventProbe.publish(orderApproved(cnyOrder, customerId, repId, "1280.5", "CNY"), 1);
        EventProbe.publish(orderApproved(usdOrder, customerId, repId, "99.99", "USD"), 1);
        EventProbe.publish(paymentPosted(id(), cnyOrder, customerId, "1000", "CNY"), 1);

        reads.await("/api/v1/kpi/reps/" + repId,
                card -> shows(card, "CNY", "1280.50", 1, "1000") && shows(card, "USD", "99.99", 1, "0"));
        reads.await("/api/v1/kpi/customers/" + customerId,
                card -> shows(card, "CNY", "1280.50", 1, "1000") && shows(card, "USD", "99.99", 1, "0"));
        mvc.perform(get("/api/v1/kpi/reps/" + repId))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.repId").value(repId))
                .andExpect(jsonPath("$.totals.length()").value(2))
                .andExpect(jsonPath("$.totals[0].currency").value("CNY"))
                .andExpect(jsonPath("$.totals[1].currency").value("USD"))
                .andExpect(jsonPath("$.totals[1].approvedOrders").value(1));
        assertThat(reads.body("/api/v1/kpi/customers/" + customerId))
                .contains("\"customerId\":\"" + customerId + "\"")
                .contains("{\"currency\":\"CNY\",\"approvedOrderValue\":1280.50,\"approvedOrders\":1,"
                        + "\"collectedCash\":1000.00}")
                .contains("{\"currency\":\"USD\",\"approvedOrderValue\":99.99,\"approvedOrders\":1,"
                        + "\"collectedCash\":0.00}");
    }

    @Test
    void answersAnEmptyScorecardOnlyToARepWithoutFactsAskingForTheirOwn() throws Exception {
        String newRep = id();
        mvc.perform(get("/api/v1/kpi/reps/" + newRep)
                        .with(Callers.user("new rep", newRep, Callers.EAST_1, "REP").asCaller()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.repId").value(newRep))
                .andExpect(jsonPath("$.totals").isArray())
                .andExpect(jsonPath("$.totals.length()").value(0));
    }

    @Test
    void answers404ForARepOrCustomerWithoutFactsEvenToACompanyWideCaller() throws Exception {
        String unknown = id();
        mvc.perform(get("/api/v1/kpi/reps/" + unknown))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("NOT_FOUND"));
        mvc.perform(get("/api/v1/kpi/customers/" + unknown))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("NOT_FOUND"));
    }

    @Test
    void keepsIdsThatDifferOnlyInCaseApart() throws Exception {
        String repId = "Rep-" + id().substring(0, 8).toUpperCase();
        EventProbe.publish(orderApproved(id(), id(), repId, "10", "CNY"), 1);
        reads.await("/api/v1/kpi/reps/" + repId, card -> shows(card, "CNY", "10", 1, "0"));
        mvc.perform(get("/api/v1/kpi/reps/" + repId.toLowerCase())).andExpect(status().isNotFound());
    }

    @Test
    void ranksRepsByApprovedOrderValueInOneCurrencyWithTheirCollectedCash() throws Exception {
        String currency = freshCurrency();
        String first = id();
        String second = id();
        String third = id();
        String secondsBigOrder = id();
        EventProbe.publish(orderApproved(id(), id(), first, "500", currency), 1);
        EventProbe.publish(orderApproved(secondsBigOrder, id(), second, "200", currency), 1);
        EventProbe.publish(orderApproved(id(), id(), second, "100.25", currency), 1);
        EventProbe.publish(orderApproved(id(), id(), third, "50", currency), 1);
        EventProbe.publish(orderApproved(id(), id(), third, "100000", currency.equals("QQQ") ? "QQR" : "QQQ"), 1);
        EventProbe.publish(paymentPosted(id(), secondsBigOrder, id(), "80", currency), 1);

        String path = "/api/v1/kpi/reps?currency=" + currency + "&size=2";
        // orders and payments travel on different topics: wait until every one of them is in
        JsonNode firstPage = reads.await(path, board -> board.get("page").get("totalElements").asLong() == 3
                && board.get("content").get(1).get("approvedOrders").asLong() == 2
                && board.get("content").get(1).get("collectedCash").decimalValue().signum() > 0);
        assertThat(firstPage.get("page").get("totalPages").asInt()).isEqualTo(2);
        assertThat(firstPage.get("page").get("size").asInt()).isEqualTo(2);
        List<JsonNode> rows = List.of(firstPage.get("content").get(0), firstPage.get("content").get(1));
        assertThat(rows).extracting(row -> row.get("repId").asString()).containsExactly(first, second);
        assertThat(rows).extracting(row -> row.get("rank").asLong()).containsExactly(1L, 2L);
        assertThat(rows.get(1).get("approvedOrders").asLong()).isEqualTo(2);
        assertThat(rows.get(1).get("currency").asString()).isEqualTo(currency);
        assertThat(reads.body(path)).contains("\"approvedOrderValue\":300.25").contains("\"collectedCash\":80.00")
                .contains("\"approvedOrderValue\":500.00");

        mvc.perform(get("/api/v1/kpi/reps").param("currency", currency).param("size", "2").param("page", "1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content.length()").value(1))
                .andExpect(jsonPath("$.content[0].repId").value(third))
                .andExpect(jsonPath("$.content[0].rank").value(3))
                .andExpect(jsonPath("$.content[0].approvedOrders").value(1))
                .andExpect(jsonPath("$.page.number").value(1));
        mvc.perform(get("/api/v1/kpi/reps").param("currency", currency.equals("ZZZ") ? "ZZY" : "ZZZ"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content.length()").value(0))
                .andExpect(jsonPath("$.page.totalElements").value(0));
    }

    @Test
    void rejectsIdsThatAreTooLongOrHoldOtherCharactersWith400Problem() throws Exception {
        for (String bad : List.of("x".repeat(65), "rep_1", "rep.1", "rep 1", "rép")) {
            mvc.perform(get("/api/v1/kpi/reps/{id}", bad))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                    .andExpect(jsonPath("$.errors[0].field").value("repId"))
                    .andExpect(jsonPath("$.traceId").isNotEmpty());
            mvc.perform(get("/api/v1/kpi/customers/{id}", bad))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                    .andExpect(jsonPath("$.errors[0].field").value("customerId"));
        }
        // a valid id gets past the check (and is not found: nobody has facts under it)
        mvc.perform(get("/api/v1/kpi/reps/{id}", "x".repeat(64))).andExpect(status().isNotFound());
    }

    @Test
    void rejectsAMissingOrMalformedCurrencyAndOutOfRangePagesWith400Problem() throws Exception {
        mvc.perform(get("/api/v1/kpi/reps"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("MISSING_PARAMETER"))
                .andExpect(jsonPath("$.errors[0].field").value("currency"));
        for (String bad : List.of("cny", "CN", "CNYY", "C1Y", "")) {
            mvc.perform(get("/api/v1/kpi/reps").param("currency", bad))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value(Matchers.oneOf("VALIDATION_FAILED", "MISSING_PARAMETER")))
                    .andExpect(jsonPath("$.errors[0].field").value("currency"));
        }
        mvc.perform(get("/api/v1/kpi/reps").param("currency", "CNY").param("size", "201"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PAGE"));
        mvc.perform(get("/api/v1/kpi/reps").param("currency", "CNY").param("size", "0"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PAGE"));
        mvc.perform(get("/api/v1/kpi/reps").param("currency", "CNY").param("page", "-1"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PAGE"));
        mvc.perform(get("/api/v1/kpi/reps").param("currency", "CNY").param("page", "abc"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PARAMETER"));
    }

    @Test
    void offersNoWritesOnTheReadModel() throws Exception {
        mvc.perform(post("/api/v1/kpi/reps/" + id()).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.code").value("METHOD_NOT_ALLOWED"));
    }

    @Test
    void describesTheKpiApiInOpenApi31() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.openapi").value(Matchers.startsWith("3.1")))
                .andExpect(jsonPath("$.paths['/api/v1/kpi/reps/{repId}'].get.summary").isNotEmpty())
                .andExpect(jsonPath("$.paths['/api/v1/kpi/customers/{customerId}'].get.summary").isNotEmpty())
                .andExpect(jsonPath("$.paths['/api/v1/kpi/reps'].get.parameters[?(@.name == 'currency')].required")
                        .value(Matchers.contains(true)))
                .andExpect(jsonPath("$.paths['/api/v1/admin/kpi/dead-letters'].get").exists());
    }
}

package io.channelops.kpi.scorecard;

import static io.channelops.kpi.KpiEvents.id;
import static io.channelops.kpi.KpiEvents.orderApproved;
import static io.channelops.kpi.KpiEvents.paymentPosted;
import static io.channelops.kpi.KpiReads.shows;
import static io.channelops.kpi.KpiReads.totals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.kpi.KpiReads;
import io.channelops.platform.test.Caller;
import io.channelops.platform.test.Callers;
import io.channelops.platform.test.EventProbe;
import io.channelops.platform.test.ServiceIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Data scope on the read model: every total, count and rank is computed over the facts the caller may see only, so
 * a total never leaks what a list hides. Facts are fed through the broker and awaited as the default (company-wide)
 * caller before each scoped read.
 */
@ServiceIntegrationTest
class ScorecardScopeIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Currencies "SAA".."SZZ", distinct within this class, so each leaderboard holds only its test's reps. */
    private static final AtomicInteger NEXT_CURRENCY = new AtomicInteger(new Random().nextInt(600));

    private static final Caller EAST_REP = Callers.REP_EAST_2;
    private static final Caller WEST_REP = Callers.REP_WEST_1;

    @Autowired
    MockMvc mvc;

    KpiReads reads;

    @BeforeEach
    void setUp() {
        reads = new KpiReads(mvc);
    }

    private static String freshCurrency() {
        int n = NEXT_CURRENCY.getAndIncrement() % (26 * 26);
        return "S" + (char) ('A' + n / 26) + (char) ('A' + n % 26);
    }

    /**
     * One customer buys from a rep of region east and a rep of region west. The east manager's scorecard of that
     * customer adds up only the east rep's facts; the director's adds up both; nobody outside either sees it at all.
     */
    @Test
    void totalsAreFilteredLikeLists() throws Exception {
        String customerId = id();
        String eastOrder = id();
        String westOrder = id();
        publishOrder(eastOrder, customerId, EAST_REP, "100", "CNY");
        publishOrder(id(), customerId, EAST_REP, "50.25", "CNY");
        publishOrder(westOrder, customerId, WEST_REP, "1000", "CNY");
        publishPayment(eastOrder, customerId, EAST_REP, "30", "CNY");
        publishPayment(westOrder, customerId, WEST_REP, "400", "CNY");
        String path = "/api/v1/kpi/customers/" + customerId;
        reads.await(path, card -> shows(card, "CNY", "1150.25", 3, "430"));

        assertThat(shows(read(path, Callers.MANAGER_EAST), "CNY", "150.25", 2, "30")).isTrue();
        assertThat(shows(read(path, Callers.MANAGER_EAST_2), "CNY", "150.25", 2, "30")).isTrue();
        assertThat(shows(read(path, EAST_REP), "CNY", "150.25", 2, "30")).isTrue();
        assertThat(shows(read(path, Callers.MANAGER_WEST), "CNY", "1000", 1, "400")).isTrue();
        assertThat(shows(read(path, WEST_REP), "CNY", "1000", 1, "400")).isTrue();
        assertThat(shows(read(path, Callers.DIRECTOR), "CNY", "1150.25", 3, "430")).isTrue();
        assertThat(shows(read(path, Callers.FINANCE), "CNY", "1150.25", 3, "430")).isTrue();
        assertThat(shows(read(path, Callers.AUDITOR), "CNY", "1150.25", 3, "430")).isTrue();
        assertThat(shows(read(path, Callers.client("east-crm", Callers.EAST, "kpi:read")), "CNY", "150.25", 2,
                "30")).isTrue();
        // callers whose scope holds none of the customer's facts do not learn it exists
        for (Caller outside : List.of(Callers.MANAGER_EAST_1, Callers.REP_EAST_1, Callers.REP_EAST_1_B,
                Callers.client("team-1-crm", Callers.EAST_1, "kpi:read"))) {
            mvc.perform(get(path).with(outside.asCaller())).andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value("NOT_FOUND"));
        }
    }

    /** The leaderboard of a manager ranks and counts the reps of their subtree only. */
    @Test
    void leaderboardRanksAndCountsOnlyTheRepsInTheCallersScope() throws Exception {
        String currency = freshCurrency();
        String eastOrder = id();
        publishOrder(eastOrder, id(), EAST_REP, "300", currency);
        publishOrder(id(), id(), WEST_REP, "900", currency);
        publishOrder(id(), id(), Callers.REP_EAST_1_B, "200", currency);
        publishPayment(eastOrder, id(), EAST_REP, "120", currency);
        String path = "/api/v1/kpi/reps?currency=" + currency;
        reads.await(path, board -> board.get("page").get("totalElements").asLong() == 3
                && board.get("content").get(1).get("collectedCash").decimalValue().signum() > 0);

        assertThat(repIds(read(path, Callers.DIRECTOR)))
                .containsExactly(WEST_REP.id(), EAST_REP.id(), Callers.REP_EAST_1_B.id());
        JsonNode east = read(path, Callers.MANAGER_EAST);
        assertThat(repIds(east)).containsExactly(EAST_REP.id(), Callers.REP_EAST_1_B.id());
        assertThat(east.get("page").get("totalElements").asLong()).isEqualTo(2);
        assertThat(east.get("content").get(0).get("rank").asLong()).isEqualTo(1);
        assertThat(east.get("content").get(0).get("collectedCash").decimalValue()).isEqualByComparingTo("120");
        assertThat(repIds(read(path, Callers.MANAGER_EAST_2))).containsExactly(EAST_REP.id());
        assertThat(repIds(read(path, Callers.MANAGER_WEST))).containsExactly(WEST_REP.id());
        JsonNode own = read(path, EAST_REP);
        assertThat(repIds(own)).containsExactly(EAST_REP.id());
        assertThat(own.get("page").get("totalElements").asLong()).isEqualTo(1);
        assertThat(repIds(read(path, Callers.REP_EAST_1))).isEmpty();
        assertThat(read(path, Callers.REP_EAST_1).get("page").get("totalElements").asLong()).isZero();
    }

    /**
     * A rep's scorecard is visible to the rep and to callers whose scope holds facts the rep owns, and then shows
     * only those facts: a rep who moved from east to west shows the east manager only the east orders.
     */
    @Test
    void aRepScorecardShowsOnlyTheRepsFactsInTheCallersScope() throws Exception {
        String movedRep = "rep-moved-" + id().substring(0, 8);
        String currency = freshCurrency();
        String eastOrder = id();
        publishOrder(eastOrder, id(), movedRep, Callers.EAST_1, "70", currency);
        publishOrder(id(), id(), movedRep, Callers.WEST_1, "500", currency);
        EventProbe.publish(paymentPosted(id(), eastOrder, id(), movedRep, Callers.EAST_1, "20", currency), 1);
        String path = "/api/v1/kpi/reps/" + movedRep;
        reads.await(path, card -> shows(card, currency, "570", 2, "20"));

        assertThat(shows(read(path, Callers.MANAGER_EAST), currency, "70", 1, "20")).isTrue();
        assertThat(shows(read(path, Callers.MANAGER_EAST_1), currency, "70", 1, "20")).isTrue();
        assertThat(shows(read(path, Callers.MANAGER_WEST), currency, "500", 1, "0")).isTrue();
        assertThat(read(path, Callers.user("the moved rep", movedRep, Callers.WEST_1, "REP")).get("totals"))
                .hasSize(1);
        assertThat(shows(read(path, Callers.user("the moved rep", movedRep, Callers.WEST_1, "REP")), currency,
                "570", 2, "20")).isTrue();
        for (Caller outside : List.of(Callers.MANAGER_EAST_2, Callers.REP_EAST_1, Callers.REP_WEST_1)) {
            mvc.perform(get(path).with(outside.asCaller())).andExpect(status().isNotFound());
        }
    }

    /** Cash counts for a rep only when both the payment and the order it pays lie in the caller's scope. */
    @Test
    void cashIsAttributedToARepOnlyThroughAnOrderTheCallerMaySee() throws Exception {
        String rep = "rep-cash-" + id().substring(0, 8);
        String currency = freshCurrency();
        String orderId = id();
        String customerId = id();
        publishOrder(orderId, customerId, rep, Callers.WEST_1, "80", currency);
        // a payment recorded in region east for an order of region west (e.g. the order changed hands in between)
        EventProbe.publish(paymentPosted(id(), orderId, customerId, rep, Callers.EAST_1, "80", currency), 1);
        reads.await("/api/v1/kpi/customers/" + customerId, card -> shows(card, currency, "80", 1, "80"));

        // the east manager sees a fact the rep owns (the payment), so the scorecard exists, but the payment's order
        // is out of their scope: the cash is not attributed to the rep in their view
        assertThat(read("/api/v1/kpi/reps/" + rep, Callers.MANAGER_EAST).get("totals")).isEmpty();
        assertThat(shows(read("/api/v1/kpi/reps/" + rep, Callers.MANAGER_WEST), currency, "80", 1, "0"))
                .isTrue();
        assertThat(shows(read("/api/v1/kpi/customers/" + customerId, Callers.MANAGER_EAST), currency, "0", 0,
                "80")).isTrue();
        assertThat(totals(read("/api/v1/kpi/reps/" + rep, Callers.DIRECTOR), currency)).isNotNull();
    }

    private void publishOrder(String orderId, String customerId, Caller rep, String amount, String currency) {
        publishOrder(orderId, customerId, rep.id(), rep.orgPath(), amount, currency);
    }

    private void publishOrder(String orderId, String customerId, String repId, String orgPath, String amount,
            String currency) {
        EventProbe.publish(orderApproved(orderId, customerId, repId, orgPath, amount, currency), 1);
    }

    private void publishPayment(String orderId, String customerId, Caller rep, String amount, String currency) {
        EventProbe.publish(paymentPosted(id(), orderId, customerId, rep.id(), rep.orgPath(), amount, currency), 1);
    }

    /** GET {@code path} as {@code caller}, expecting 200. */
    private JsonNode read(String path, Caller caller) throws Exception {
        MvcResult result = mvc.perform(get(path).with(caller.asCaller())).andReturn();
        assertThat(result.getResponse().getStatus()).as("GET " + path + " as " + caller + ": "
                + result.getResponse().getContentAsString()).isEqualTo(200);
        return JSON.readTree(result.getResponse().getContentAsString());
    }

    private static List<String> repIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("content").forEach(row -> ids.add(row.get("repId").asString()));
        return ids;
    }
}

package io.channelops.sales.forecast;

import static io.channelops.platform.test.Callers.DIRECTOR;
import static io.channelops.platform.test.Callers.MANAGER_EAST_1;
import static io.channelops.platform.test.Callers.MANAGER_WEST;
import static io.channelops.platform.test.Callers.REP_EAST_1;
import static io.channelops.platform.test.Callers.REP_EAST_1_B;
import static io.channelops.platform.test.Callers.REP_EAST_2;
import static io.channelops.platform.test.Callers.REP_WEST_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.platform.test.Caller;
import io.channelops.sales.opportunity.OpportunityApi;
import io.channelops.sales.opportunity.PipelineClock;
import io.channelops.sales.opportunity.PipelineIntegrationTest;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The funnel (opportunities opened in March 2016) and the loss-reason analysis (deals lost in the third quarter of
 * 2015), hand-computed; no other test opens or loses deals in those months.
 */
@PipelineIntegrationTest
class PipelineReportsIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    PipelineClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private JsonNode report(Caller caller, String path, String from, String to) throws Exception {
        return json.readTree(mvc.perform(get(path).param("from", from).param("to", to).with(caller.asCaller()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private static JsonNode stage(JsonNode funnel, String code) {
        for (JsonNode stage : funnel.get("stages")) {
            if (stage.get("stage").asString().equals(code)) {
                return stage;
            }
        }
        throw new AssertionError("No stage " + code + " in " + funnel);
    }

    /** "count reached conversion" of a stage, conversion "-" when there is none. */
    private static String figures(JsonNode funnel, String code) {
        JsonNode stage = stage(funnel, code);
        return stage.get("count").asString() + " " + stage.get("reached").asString() + " "
                + (stage.has("conversionToNext") ? percent(stage.get("conversionToNext")) : "-");
    }

    private static String percent(JsonNode value) {
        return value.decimalValue().setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    /** "currency count amount weighted" per currency of a stage. */
    private static List<String> amounts(JsonNode funnel, String code) {
        List<String> amounts = new ArrayList<>();
        stage(funnel, code).get("amounts").forEach(a -> amounts.add(String.join(" ", a.get("currency").asString(),
                a.get("count").asString(), ForecastIT.money(a.get("amount")),
                ForecastIT.money(a.get("weightedAmount")))));
        return amounts;
    }

    @Test
    void theFunnelCountsWhereTheCohortIsAndWhatItReachedWithConversionsBetweenStages() throws Exception {
        OpportunityApi api = new OpportunityApi(mvc, json);
        String customer = OpportunityApi.uniqueCustomer();
        clock.set(Instant.parse("2016-03-01T00:00:00Z"));
        String a = api.open(REP_EAST_1, customer, "1000.00", "CNY", "2016-09-30");
        String b = api.open(REP_EAST_1, customer, "2000.00", "CNY", "2016-09-30");
        String c = api.open(REP_EAST_1, customer, "3000.00", "CNY", "2016-09-30");
        String d = api.open(REP_EAST_1, customer, "4000.00", "CNY", "2016-09-30");
        String e = api.open(REP_EAST_1, customer, "5000.00", "CNY", "2016-09-30");
        String f = api.open(REP_EAST_1, customer, "6000.00", "CNY", "2016-09-30");
        String g = api.open(REP_EAST_1, customer, "7000.00", "CNY", "2016-09-30");
        clock.set(Instant.parse("2016-03-31T23:59:59Z"));
        String h = api.open(REP_EAST_1, customer, "8000.00", "USD", "2016-09-30");
        String i = api.open(REP_EAST_1, customer, "9000.00", "CNY", "2016-09-30", "NEGOTIATION", null);
        api.open(REP_WEST_1, customer, "10000.00", "EUR", "2016-09-30");
        // opened outside March: not part of the cohort
        clock.set(Instant.parse("2016-04-01T00:00:00Z"));
        api.open(REP_EAST_1, customer, "99.00", "CNY", "2016-09-30");
        clock.set(Instant.parse("2016-02-29T23:59:59Z"));
        api.open(REP_EAST_1, customer, "99.00", "CNY", "2016-09-30");

        clock.set(Instant.parse("2016-04-15T00:00:00Z"));
        api.move(REP_EAST_1, b, "QUALIFICATION");
        api.move(REP_EAST_1, c, "QUALIFICATION");
        api.move(REP_EAST_1, c, "PROPOSAL");
        api.move(REP_EAST_1, d, "PROPOSAL");                   // skips qualification
        api.move(REP_EAST_1, d, "NEGOTIATION");
        api.move(REP_EAST_1, e, "QUALIFICATION");
        api.move(REP_EAST_1, e, "PROPOSAL");
        api.move(REP_EAST_1, e, "NEGOTIATION");
        api.win(REP_EAST_1, e);
        api.win(REP_EAST_1, f);                                // won straight from prospecting
        api.move(REP_EAST_1, g, "QUALIFICATION");
        api.lose(REP_EAST_1, g, "PRICE", null);
        api.move(REP_EAST_1, h, "PROPOSAL");
        api.move(REP_EAST_1, h, "QUALIFICATION");              // moved back: still reached proposal
        api.lose(REP_EAST_1, i, "TIMING", null);

        JsonNode funnel = report(DIRECTOR, "/api/v1/pipeline/funnel", "2016-03-01", "2016-03-31");
        assertThat(funnel.get("from").asString()).isEqualTo("2016-03-01");
        assertThat(funnel.get("opportunities").asInt()).isEqualTo(10);
        assertThat(funnel.get("won").asInt()).isEqualTo(2);
        assertThat(funnel.get("lost").asInt()).isEqualTo(2);
        assertThat(percent(funnel.get("winRate"))).isEqualTo("50.0");
        // reached: prospecting all 10; qualification all but a and the west deal; proposal c d e f h i;
        // negotiation d e f i; won e f
        assertThat(figures(funnel, "PROSPECTING")).isEqualTo("2 10 80.0");
        assertThat(figures(funnel, "QUALIFICATION")).isEqualTo("2 8 75.0");
        assertThat(figures(funnel, "PROPOSAL")).isEqualTo("1 6 66.7");
        assertThat(figures(funnel, "NEGOTIATION")).isEqualTo("1 4 50.0");
        assertThat(figures(funnel, "WON")).isEqualTo("2 2 -");
        assertThat(figures(funnel, "LOST")).isEqualTo("2 2 -");
        assertThat(amounts(funnel, "PROSPECTING")).containsExactly("CNY 1 1000.00 100.00", "EUR 1 10000.00 1000.00");
        assertThat(amounts(funnel, "QUALIFICATION")).containsExactly("CNY 1 2000.00 400.00", "USD 1 8000.00 1600.00");
        assertThat(amounts(funnel, "PROPOSAL")).containsExactly("CNY 1 3000.00 1500.00");
        assertThat(amounts(funnel, "NEGOTIATION")).containsExactly("CNY 1 4000.00 3000.00");
        assertThat(amounts(funnel, "WON")).containsExactly("CNY 2 11000.00 11000.00");
        assertThat(amounts(funnel, "LOST")).containsExactly("CNY 2 16000.00 0.00");
        List<String> order = new ArrayList<>();
        funnel.get("stages").forEach(s -> order.add(s.get("stage").asString()));
        assertThat(order).containsSubsequence("PROSPECTING", "QUALIFICATION", "PROPOSAL", "NEGOTIATION", "WON", "LOST");

        // the rep's own funnel lacks the west deal; the west manager's holds only it
        JsonNode own = report(REP_EAST_1, "/api/v1/pipeline/funnel", "2016-03-01", "2016-03-31");
        assertThat(own.get("opportunities").asInt()).isEqualTo(9);
        assertThat(figures(own, "PROSPECTING")).isEqualTo("1 9 88.9");
        JsonNode west = report(MANAGER_WEST, "/api/v1/pipeline/funnel", "2016-03-01", "2016-03-31");
        assertThat(west.get("opportunities").asInt()).isEqualTo(1);
        assertThat(figures(west, "PROSPECTING")).isEqualTo("1 1 0.0");
        assertThat(figures(west, "QUALIFICATION")).isEqualTo("0 0 -");
        assertThat(west.has("winRate")).isFalse();
        // one day of the cohort
        assertThat(report(DIRECTOR, "/api/v1/pipeline/funnel", "2016-03-31", "2016-03-31").get("opportunities")
                .asInt()).isEqualTo(3);
    }

    @Test
    void analysesLostDealsPerReasonAndCompetitorWithinTheCallersScope() throws Exception {
        OpportunityApi api = new OpportunityApi(mvc, json);
        String customer = OpportunityApi.uniqueCustomer();
        clock.set(Instant.parse("2015-08-10T00:00:00Z"));
        api.lose(REP_EAST_1, api.open(REP_EAST_1, customer, "10000.00", "CNY", "2015-09-30"), "PRICE", "Acme");
        api.lose(REP_EAST_1, api.open(REP_EAST_1, customer, "5000.00", "CNY", "2015-09-30"), "PRICE", null);
        api.lose(REP_EAST_1_B, api.open(REP_EAST_1_B, customer, "20000.00", "CNY", "2015-09-30"), "COMPETITOR",
                "Acme");
        api.lose(REP_EAST_2, api.open(REP_EAST_2, customer, "1000.00", "USD", "2015-09-30"), "COMPETITOR", "Bolt");
        api.lose(REP_WEST_1, api.open(REP_WEST_1, customer, "3000.00", "CNY", "2015-09-30"), "TIMING", "Bolt");
        api.win(REP_EAST_1, api.open(REP_EAST_1, customer, "777.00", "CNY", "2015-09-30"));
        clock.set(Instant.parse("2015-10-01T00:00:00Z"));
        api.lose(REP_EAST_1, api.open(REP_EAST_1, customer, "4444.00", "CNY", "2015-09-30"), "PRICE", "Acme");

        JsonNode all = report(DIRECTOR, "/api/v1/pipeline/loss-reasons", "2015-07-01", "2015-09-30");
        assertThat(all.get("lost").asInt()).isEqualTo(5);
        assertThat(groups(all.get("amounts"), false)).containsExactly("CNY 4 38000.00", "USD 1 1000.00");
        assertThat(groups(all.get("byReason"), true)).containsExactly(
                "COMPETITOR Went with a competitor 2 40.0 [CNY 1 20000.00, USD 1 1000.00]",
                "PRICE Price too high 2 40.0 [CNY 2 15000.00]",
                "TIMING Bad timing 1 20.0 [CNY 1 3000.00]");
        assertThat(groups(all.get("byCompetitor"), true)).containsExactly(
                "Acme - 2 40.0 [CNY 2 30000.00]",
                "Bolt - 2 40.0 [CNY 1 3000.00, USD 1 1000.00]");

        JsonNode team = report(MANAGER_EAST_1, "/api/v1/pipeline/loss-reasons", "2015-07-01", "2015-09-30");
        assertThat(team.get("lost").asInt()).isEqualTo(3);
        assertThat(groups(team.get("byReason"), true)).containsExactly(
                "PRICE Price too high 2 66.7 [CNY 2 15000.00]",
                "COMPETITOR Went with a competitor 1 33.3 [CNY 1 20000.00]");
        assertThat(groups(team.get("byCompetitor"), true)).containsExactly("Acme - 2 66.7 [CNY 2 30000.00]");
        JsonNode own = report(REP_EAST_1, "/api/v1/pipeline/loss-reasons", "2015-07-01", "2015-10-01");
        assertThat(groups(own.get("byReason"), true)).containsExactly("PRICE Price too high 3 100.0 [CNY 3 19444.00]");
        assertThat(groups(own.get("byCompetitor"), true)).containsExactly("Acme - 2 66.7 [CNY 2 14444.00]");
    }

    /** "key name count share [currency count amount, ...]" per group, or "currency count amount" per amount. */
    private static List<String> groups(JsonNode nodes, boolean grouped) {
        List<String> lines = new ArrayList<>();
        nodes.forEach(node -> {
            if (!grouped) {
                lines.add(node.get("currency").asString() + " " + node.get("count").asString() + " "
                        + ForecastIT.money(node.get("amount")));
                return;
            }
            lines.add(node.get("key").asString() + " " + (node.has("name") ? node.get("name").asString() : "-")
                    + " " + node.get("count").asString() + " " + percent(node.get("share")) + " "
                    + groups(node.get("amounts"), false));
        });
        return lines;
    }

    @Test
    void refusesARangeThatEndsBeforeItStartsAndDefaultsToTheCurrentQuarter() throws Exception {
        mvc.perform(get("/api/v1/pipeline/funnel").param("from", "2016-04-01").param("to", "2016-03-01"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_DATE_RANGE"));
        mvc.perform(get("/api/v1/pipeline/loss-reasons").param("from", "2016-13-01"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PARAMETER"));
        ForecastPeriod quarter = ForecastPeriod.quarterOf(java.time.LocalDate.now(java.time.ZoneOffset.UTC));
        mvc.perform(get("/api/v1/pipeline/funnel")).andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value(quarter.from().toString()))
                .andExpect(jsonPath("$.to").value(quarter.to().toString()));
        mvc.perform(get("/api/v1/pipeline/loss-reasons").param("from", "2015-01-01")).andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value("2015-01-01"))
                .andExpect(jsonPath("$.to").value(quarter.to().toString()));
    }
}

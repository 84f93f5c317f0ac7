package io.channelops.sales.forecast;

import static io.channelops.platform.test.Callers.DIRECTOR;
import static io.channelops.platform.test.Callers.MANAGER_EAST;
import static io.channelops.platform.test.Callers.MANAGER_EAST_1;
import static io.channelops.platform.test.Callers.MANAGER_EAST_2;
import static io.channelops.platform.test.Callers.MANAGER_WEST;
import static io.channelops.platform.test.Callers.REP_EAST_1;
import static io.channelops.platform.test.Callers.REP_EAST_1_B;
import static io.channelops.platform.test.Callers.REP_EAST_2;
import static io.channelops.platform.test.Callers.REP_WEST_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.platform.test.Caller;
import io.channelops.platform.test.UserDirectoryFeed;
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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The weighted forecast, hand-computed: four reps in three teams and two regions, three currencies, deals inside and
 * outside the period, won and lost ones. Each test owns its periods in 2017, which no other test uses.
 */
@PipelineIntegrationTest
class ForecastIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PipelineClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private JsonNode forecast(Caller caller, String period, String groupBy) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/forecast").param("period", period).param("groupBy", groupBy)
                        .with(caller.asCaller()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    /** Rows as "key currency openCount openAmount weighted wonCount wonAmount". */
    private static List<String> rows(JsonNode forecast) {
        List<String> rows = new ArrayList<>();
        forecast.get("rows").forEach(row -> rows.add(String.join(" ", row.get("key").asString(),
                row.get("currency").asString(), row.get("openCount").asString(), money(row.get("openAmount")),
                money(row.get("weightedAmount")), row.get("wonCount").asString(), money(row.get("wonAmount")))));
        return rows;
    }

    private static List<String> totals(JsonNode forecast) {
        List<String> totals = new ArrayList<>();
        forecast.get("totals").forEach(row -> totals.add(String.join(" ", row.get("currency").asString(),
                row.get("openCount").asString(), money(row.get("openAmount")), money(row.get("weightedAmount")),
                row.get("wonCount").asString(), money(row.get("wonAmount")))));
        return totals;
    }

    /** A JSON money amount with its two decimals, however the parser read the number. */
    static String money(JsonNode amount) {
        return amount.decimalValue().setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    @Test
    void sumsAmountsAndWeightsThemByProbabilityPerRepTeamRegionPeriodAndCurrency() throws Exception {
        OpportunityApi api = new OpportunityApi(mvc, json);
        String customer = OpportunityApi.uniqueCustomer();
        clock.set(Instant.parse("2017-05-15T00:00:00Z"));
        // rep A of team east-1
        api.open(REP_EAST_1, customer, "10000.00", "CNY", "2017-04-10");                          // 10 %: 1000
        api.open(REP_EAST_1, customer, "20000.00", "CNY", "2017-05-20", "PROPOSAL", null);        // 50 %: 10000
        api.open(REP_EAST_1, customer, "5000.00", "USD", "2017-06-30", "NEGOTIATION", null);      // 75 %: 3750
        api.open(REP_EAST_1, customer, "8000.00", "CNY", "2017-07-01", "PROPOSAL", null);         // next quarter
        api.open(REP_EAST_1, customer, "9000.00", "CNY", "2017-03-31");                           // last quarter
        api.win(REP_EAST_1, api.open(REP_EAST_1, customer, "12000.00", "CNY", "2017-09-30"));     // won in May
        api.lose(REP_EAST_1, api.open(REP_EAST_1, customer, "50000.00", "CNY", "2017-05-01"), "PRICE", null);
        // rep B of team east-1
        api.open(REP_EAST_1_B, customer, "3333.33", "CNY", "2017-04-01", "QUALIFICATION", 33);   // 1099.9989
        api.open(REP_EAST_1_B, customer, "1000.00", "CNY", "2017-06-15", "NEGOTIATION", null);   // 750
        // rep of team east-2
        api.open(REP_EAST_2, customer, "40000.00", "CNY", "2017-05-05");                          // 4000
        api.win(REP_EAST_2, api.open(REP_EAST_2, customer, "2500.00", "USD", "2017-12-31"));      // won in May
        // rep of team west-1
        api.open(REP_WEST_1, customer, "7000.00", "EUR", "2017-04-30", "PROPOSAL", null);         // 3500
        String wonInJuly = api.open(REP_WEST_1, customer, "6000.00", "EUR", "2017-05-31");
        clock.set(Instant.parse("2017-07-02T00:00:00Z"));
        api.win(REP_WEST_1, wonInJuly);

        JsonNode byRep = forecast(DIRECTOR, "2017-Q2", "rep");
        assertThat(byRep.get("period").asString()).isEqualTo("2017-Q2");
        assertThat(byRep.get("from").asString()).isEqualTo("2017-04-01");
        assertThat(byRep.get("to").asString()).isEqualTo("2017-06-30");
        assertThat(byRep.get("groupBy").asString()).isEqualTo("rep");
        assertThat(rows(byRep)).containsExactly(
                "u-rep-east1-a CNY 2 30000.00 11000.00 1 12000.00",
                "u-rep-east1-a USD 1 5000.00 3750.00 0 0.00",
                "u-rep-east1-b CNY 2 4333.33 1850.00 0 0.00",
                "u-rep-east2-a CNY 1 40000.00 4000.00 0 0.00",
                "u-rep-east2-a USD 0 0.00 0.00 1 2500.00",
                "u-rep-west1-a EUR 1 7000.00 3500.00 0 0.00");
        assertThat(totals(byRep)).containsExactly(
                "CNY 5 74333.33 16850.00 1 12000.00",
                "EUR 1 7000.00 3500.00 0 0.00",
                "USD 1 5000.00 3750.00 1 2500.00");

        assertThat(rows(forecast(DIRECTOR, "2017-Q2", "team"))).containsExactly(
                "/hq/east/team-1 CNY 4 34333.33 12850.00 1 12000.00",
                "/hq/east/team-1 USD 1 5000.00 3750.00 0 0.00",
                "/hq/east/team-2 CNY 1 40000.00 4000.00 0 0.00",
                "/hq/east/team-2 USD 0 0.00 0.00 1 2500.00",
                "/hq/west/team-1 EUR 1 7000.00 3500.00 0 0.00");
        assertThat(rows(forecast(DIRECTOR, "2017-q2", "REGION"))).containsExactly(
                "/hq/east CNY 5 74333.33 16850.00 1 12000.00",
                "/hq/east USD 1 5000.00 3750.00 1 2500.00",
                "/hq/west EUR 1 7000.00 3500.00 0 0.00");

        // a month: what closes in May, and what was won in May
        assertThat(rows(forecast(DIRECTOR, "2017-05", "rep"))).containsExactly(
                "u-rep-east1-a CNY 1 20000.00 10000.00 1 12000.00",
                "u-rep-east2-a CNY 1 40000.00 4000.00 0 0.00",
                "u-rep-east2-a USD 0 0.00 0.00 1 2500.00");
        // July holds the west deal won then (its expected close in May no longer counts: it is not open)
        assertThat(rows(forecast(DIRECTOR, "2017-07", "region"))).containsExactly(
                "/hq/east CNY 1 8000.00 4000.00 0 0.00",
                "/hq/west EUR 0 0.00 0.00 1 6000.00");

        // each caller sees the forecast of their own scope
        assertThat(rows(forecast(REP_EAST_1, "2017-Q2", "rep"))).containsExactly(
                "u-rep-east1-a CNY 2 30000.00 11000.00 1 12000.00",
                "u-rep-east1-a USD 1 5000.00 3750.00 0 0.00");
        assertThat(rows(forecast(MANAGER_EAST_1, "2017-Q2", "team"))).containsExactly(
                "/hq/east/team-1 CNY 4 34333.33 12850.00 1 12000.00",
                "/hq/east/team-1 USD 1 5000.00 3750.00 0 0.00");
        assertThat(rows(forecast(MANAGER_EAST_2, "2017-Q2", "region"))).containsExactly(
                "/hq/east CNY 1 40000.00 4000.00 0 0.00",
                "/hq/east USD 0 0.00 0.00 1 2500.00");
        assertThat(totals(forecast(MANAGER_WEST, "2017-Q2", "rep"))).containsExactly(
                "EUR 1 7000.00 3500.00 0 0.00");
    }

    @Test
    void refusesPeriodsAndGroupingsItDoesNotKnow() throws Exception {
        for (String period : List.of("2017-Q5", "2017-13", "17-Q1", "Q4", "2017-Q1-01")) {
            mvc.perform(get("/api/v1/forecast").param("period", period))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PERIOD"));
        }
        mvc.perform(get("/api/v1/forecast").param("period", "2017").param("groupBy", "country"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PARAMETER"));
        mvc.perform(get("/api/v1/forecast")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MISSING_PARAMETER"));
        mvc.perform(get("/api/v1/forecast").param("period", "2017").with(io.channelops.platform.test.Callers.FINANCE
                        .asCaller()))
                .andExpect(status().isForbidden());
    }

    private ResultActions override(Caller caller, String repId, String period, String body) throws Exception {
        return mvc.perform(put("/api/v1/forecast/overrides/" + repId + "/" + period).with(caller.asCaller())
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void keepsAManagersOverrideBesideTheComputedForecastWithItsHistory() throws Exception {
        UserDirectoryFeed.register(jdbc, REP_EAST_1, REP_WEST_1);
        OpportunityApi api = new OpportunityApi(mvc, json);
        clock.set(Instant.parse("2017-10-01T00:00:00Z"));
        api.open(REP_EAST_1, OpportunityApi.uniqueCustomer(), "100000.00", "CNY", "2017-11-15", "PROPOSAL", null);

        clock.set(Instant.parse("2017-10-05T02:00:00Z"));
        override(MANAGER_EAST_1, REP_EAST_1.id(), "2017-Q4",
                "{\"amount\":65000,\"currency\":\"CNY\",\"note\":\"Suzhou comes in\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.repId").value(REP_EAST_1.id()))
                .andExpect(jsonPath("$.period").value("2017-Q4"))
                .andExpect(jsonPath("$.computed.length()").value(1))
                .andExpect(jsonPath("$.computed[0].currency").value("CNY"))
                .andExpect(jsonPath("$.computed[0].openAmount").value(100000.00))
                .andExpect(jsonPath("$.computed[0].weightedAmount").value(50000.00))
                .andExpect(jsonPath("$.override.action").value("SET"))
                .andExpect(jsonPath("$.override.amount.amount").value(65000.00))
                .andExpect(jsonPath("$.override.amount.currency").value("CNY"))
                .andExpect(jsonPath("$.override.note").value("Suzhou comes in"))
                .andExpect(jsonPath("$.override.setBy").value(MANAGER_EAST_1.id()))
                .andExpect(jsonPath("$.override.setAt").value("2017-10-05T02:00:00Z"))
                .andExpect(jsonPath("$.history.length()").value(1));

        mvc.perform(get("/api/v1/forecast").param("period", "2017-Q4").with(MANAGER_EAST_1.asCaller()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows.length()").value(1))
                .andExpect(jsonPath("$.rows[0].key").value(REP_EAST_1.id()))
                .andExpect(jsonPath("$.rows[0].weightedAmount").value(50000.00))
                .andExpect(jsonPath("$.rows[0].override.amount.amount").value(65000.00))
                .andExpect(jsonPath("$.rows[0].override.setBy").value(MANAGER_EAST_1.id()))
                .andExpect(jsonPath("$.totals[0].weightedAmount").value(50000.00));
        // the team view carries no rep's override
        mvc.perform(get("/api/v1/forecast").param("period", "2017-Q4").param("groupBy", "team")
                        .with(MANAGER_EAST_1.asCaller()))
                .andExpect(jsonPath("$.rows[0].override").doesNotExist());

        clock.set(Instant.parse("2017-11-01T09:00:00Z"));
        override(MANAGER_EAST, REP_EAST_1.id(), "2017-Q4", "{\"amount\":70000.50,\"currency\":\"CNY\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.override.amount.amount").value(70000.50))
                .andExpect(jsonPath("$.override.note").doesNotExist())
                .andExpect(jsonPath("$.override.setBy").value(MANAGER_EAST.id()))
                .andExpect(jsonPath("$.history[*].setBy").value(org.hamcrest.Matchers.contains(MANAGER_EAST_1.id(),
                        MANAGER_EAST.id())))
                .andExpect(jsonPath("$.computed[0].weightedAmount").value(50000.00));

        // the rep sees the override of their own forecast but cannot set one; other managers do not see it
        mvc.perform(get("/api/v1/forecast/overrides/" + REP_EAST_1.id() + "/2017-q4").with(REP_EAST_1.asCaller()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.override.amount.amount").value(70000.50));
        override(REP_EAST_1, REP_EAST_1.id(), "2017-Q4", "{\"amount\":1,\"currency\":\"CNY\"}")
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("ACCESS_DENIED"));
        override(MANAGER_WEST, REP_EAST_1.id(), "2017-Q4", "{\"amount\":1,\"currency\":\"CNY\"}")
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
        mvc.perform(get("/api/v1/forecast/overrides/" + REP_EAST_1.id() + "/2017-Q4").with(MANAGER_EAST_2.asCaller()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/forecast/overrides/" + REP_EAST_1.id() + "/2017-Q4").with(REP_EAST_2.asCaller()))
                .andExpect(status().isNotFound());
        override(DIRECTOR, "u-ghost", "2017-Q4", "{\"amount\":1,\"currency\":\"CNY\"}")
                .andExpect(status().isNotFound());

        // a rep without pipeline in the override's currency still shows it, to those who see the rep
        override(DIRECTOR, REP_WEST_1.id(), "2017-Q4", "{\"amount\":5000,\"currency\":\"USD\",\"note\":\"New"
                + " territory\"}").andExpect(status().isOk()).andExpect(jsonPath("$.computed.length()").value(0));
        mvc.perform(get("/api/v1/forecast").param("period", "2017-Q4").with(DIRECTOR.asCaller()))
                .andExpect(jsonPath("$.rows[?(@.key == 'u-rep-west1-a')].currency").value("USD"))
                .andExpect(jsonPath("$.rows[?(@.key == 'u-rep-west1-a')].openCount").value(0))
                .andExpect(jsonPath("$.rows[?(@.key == 'u-rep-west1-a')].override.amount.amount").value(5000.0));
        mvc.perform(get("/api/v1/forecast").param("period", "2017-Q4").with(MANAGER_EAST.asCaller()))
                .andExpect(jsonPath("$.rows[?(@.key == 'u-rep-west1-a')]").isEmpty());

        // clearing leaves the computed forecast alone and the history complete
        mvc.perform(delete("/api/v1/forecast/overrides/" + REP_EAST_1.id() + "/2017-Q4")
                        .with(MANAGER_EAST_1.asCaller()))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/forecast/overrides/" + REP_EAST_1.id() + "/2017-Q4").with(MANAGER_EAST_1.asCaller()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.override").doesNotExist())
                .andExpect(jsonPath("$.computed[0].weightedAmount").value(50000.00))
                .andExpect(jsonPath("$.history[*].action").value(org.hamcrest.Matchers.contains("SET", "SET",
                        "CLEARED")))
                .andExpect(jsonPath("$.history[2].setBy").value(MANAGER_EAST_1.id()))
                .andExpect(jsonPath("$.history[2].amount").doesNotExist());
        mvc.perform(delete("/api/v1/forecast/overrides/" + REP_EAST_1.id() + "/2017-Q4")
                        .with(MANAGER_EAST_1.asCaller()))
                .andExpect(status().isNotFound());
    }

    @Test
    void refusesInvalidOverrides() throws Exception {
        UserDirectoryFeed.register(jdbc, REP_EAST_1);
        override(DIRECTOR, REP_EAST_1.id(), "2017-Q3", "{\"amount\":-1,\"currency\":\"cny\",\"note\":\"x\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors.length()").value(2));
        override(DIRECTOR, REP_EAST_1.id(), "2017-Q3", "{\"amount\":1.001,\"currency\":\"CNY\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("amount"));
        override(DIRECTOR, REP_EAST_1.id(), "2017-Q3", "{\"amount\":1,\"currency\":\"CNY\",\"setBy\":\"me\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("UNKNOWN_FIELD"));
        override(DIRECTOR, REP_EAST_1.id(), "2017-W40", "{\"amount\":1,\"currency\":\"CNY\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PERIOD"));
        mvc.perform(get("/api/v1/forecast/overrides/" + REP_EAST_1.id() + "/2017-Q3"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.history.length()").value(0));
    }
}

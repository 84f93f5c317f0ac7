package io.channelops.sales.opportunity;

import static io.channelops.platform.test.Callers.DIRECTOR;
import static io.channelops.platform.test.Callers.MANAGER_EAST;
import static io.channelops.platform.test.Callers.MANAGER_EAST_1;
import static io.channelops.platform.test.Callers.MANAGER_WEST;
import static io.channelops.platform.test.Callers.REP_EAST_1;
import static io.channelops.platform.test.Callers.REP_EAST_1_B;
import static io.channelops.platform.test.Callers.REP_EAST_2;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.platform.test.Caller;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stalled deals: open opportunities without a stage change or activity for longer than their stage's threshold
 * (seeded: prospecting 14 days, qualification 21, proposal 21, negotiation 30), for the owner and their managers.
 */
@PipelineIntegrationTest
class StalledDealsIT {

    private static final Instant T0 = Instant.parse("2019-02-01T00:00:00Z");

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

    private ResultActions stalled(Caller caller, String customer, String... params) throws Exception {
        var request = get("/api/v1/opportunities/stalled").param("customerId", customer).with(caller.asCaller());
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andExpect(status().isOk());
    }

    @Test
    void listsOpenDealsIdleLongerThanTheirStageAllowsOldestFirstWithinTheCallersScope() throws Exception {
        OpportunityApi api = new OpportunityApi(mvc, json);
        String customer = OpportunityApi.uniqueCustomer();
        clock.set(T0);
        String prospecting = api.open(REP_EAST_1, customer, "100", "CNY", "2019-06-30");
        clock.set(T0.plus(Duration.ofHours(1)));
        String proposal = api.open(REP_EAST_1, customer, "200", "CNY", "2019-06-30", "PROPOSAL", null);
        String negotiationWithActivity = api.open(REP_EAST_1, customer, "300", "CNY", "2019-06-30", "NEGOTIATION",
                null);
        String won = api.open(REP_EAST_1, customer, "400", "CNY", "2019-06-30");
        clock.set(T0.plus(Duration.ofHours(2)));
        String colleagues = api.open(REP_EAST_1_B, customer, "500", "CNY", "2019-06-30", "QUALIFICATION", null);
        clock.set(T0.plus(Duration.ofHours(3)));
        String otherTeam = api.open(REP_EAST_2, customer, "600", "CNY", "2019-06-30");
        // entered PROPOSAL 20 days 23 hours before "now": within its 21 days
        clock.set(T0.plus(Duration.ofDays(1)).plus(Duration.ofHours(1)));
        String recentProposal = api.open(REP_EAST_1, customer, "700", "CNY", "2019-06-30", "PROPOSAL", null);
        api.win(REP_EAST_1, won);
        clock.set(T0.plus(Duration.ofDays(10)));
        api.note(REP_EAST_1, negotiationWithActivity, "Still negotiating");

        clock.set(T0.plus(Duration.ofDays(22)));
        stalled(REP_EAST_1, customer)
                .andExpect(jsonPath("$.content[*].id").value(contains(prospecting, proposal)))
                .andExpect(jsonPath("$.page.totalElements").value(2))
                .andExpect(jsonPath("$.content[0].stage").value("PROSPECTING"))
                .andExpect(jsonPath("$.content[0].daysStalled").value(22))
                .andExpect(jsonPath("$.content[0].stallThresholdDays").value(14))
                .andExpect(jsonPath("$.content[0].lastMovementAt").value("2019-02-01T00:00:00Z"))
                .andExpect(jsonPath("$.content[0].amount.amount").value(100))
                .andExpect(jsonPath("$.content[0].ownerId").value(REP_EAST_1.id()))
                .andExpect(jsonPath("$.content[1].daysStalled").value(21))
                .andExpect(jsonPath("$.content[1].stallThresholdDays").value(21));
        stalled(REP_EAST_1_B, customer).andExpect(jsonPath("$.content[*].id").value(contains(colleagues)));
        stalled(MANAGER_EAST_1, customer)
                .andExpect(jsonPath("$.content[*].id").value(contains(prospecting, proposal, colleagues)));
        stalled(MANAGER_EAST, customer)
                .andExpect(jsonPath("$.content[*].id").value(contains(prospecting, proposal, colleagues, otherTeam)));
        stalled(DIRECTOR, customer)
                .andExpect(jsonPath("$.content[*].id").value(contains(prospecting, proposal, colleagues, otherTeam)));
        stalled(MANAGER_WEST, customer).andExpect(jsonPath("$.page.totalElements").value(0));
        stalled(MANAGER_EAST, customer, "stage", "proposal")
                .andExpect(jsonPath("$.content[*].id").value(contains(proposal)));
        stalled(MANAGER_EAST, customer, "ownerId", REP_EAST_2.id())
                .andExpect(jsonPath("$.content[*].id").value(contains(otherTeam)));
        stalled(MANAGER_EAST, customer, "size", "2", "page", "1")
                .andExpect(jsonPath("$.content[*].id").value(contains(colleagues, otherTeam)))
                .andExpect(jsonPath("$.page.totalElements").value(4));

        // an activity or a stage change takes a deal off the list
        api.note(REP_EAST_1, prospecting, "Back in touch");
        api.move(REP_EAST_1, proposal, "NEGOTIATION");
        stalled(MANAGER_EAST_1, customer).andExpect(jsonPath("$.content[*].id").value(contains(colleagues)));

        // a week later the recent proposal and the prospect touched again are past their thresholds too
        clock.set(T0.plus(Duration.ofDays(37)));
        stalled(REP_EAST_1, customer)
                .andExpect(jsonPath("$.content[*].id").value(contains(recentProposal, prospecting)))
                .andExpect(jsonPath("$.content[0].daysStalled").value(35))
                .andExpect(jsonPath("$.content[1].daysStalled").value(15))
                .andExpect(jsonPath("$.content[1].lastActivityAt").value("2019-02-23T00:00:00Z"));
    }

    @Test
    void refusesBadPagesOfTheStalledList() throws Exception {
        mvc.perform(get("/api/v1/opportunities/stalled").param("size", "0"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PAGE"));
        mvc.perform(get("/api/v1/opportunities/stalled").param("stage", "S".repeat(33)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
    }
}

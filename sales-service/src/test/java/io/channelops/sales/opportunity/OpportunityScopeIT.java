package io.channelops.sales.opportunity;

import static io.channelops.platform.test.Callers.AUDITOR;
import static io.channelops.platform.test.Callers.DIRECTOR;
import static io.channelops.platform.test.Callers.MANAGER_EAST;
import static io.channelops.platform.test.Callers.MANAGER_EAST_1;
import static io.channelops.platform.test.Callers.MANAGER_EAST_2;
import static io.channelops.platform.test.Callers.MANAGER_WEST;
import static io.channelops.platform.test.Callers.REP_EAST_1;
import static io.channelops.platform.test.Callers.REP_EAST_1_B;
import static io.channelops.platform.test.Callers.REP_EAST_2;
import static io.channelops.platform.test.Callers.REP_WEST_1;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.platform.test.Caller;
import io.channelops.platform.test.Callers;
import io.channelops.platform.test.UserDirectoryFeed;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/** Who sees which opportunity, and who may hand it to whom. */
@PipelineIntegrationTest
class OpportunityScopeIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JsonMapper json;

    @BeforeEach
    void identityServiceHasPublishedTheAssignees() {
        UserDirectoryFeed.register(jdbc, REP_EAST_1_B, REP_WEST_1);
    }

    private OpportunityApi api() {
        return new OpportunityApi(mvc, json);
    }

    private ResultActions assign(String id, Caller caller, String ownerId) throws Exception {
        return mvc.perform(post("/api/v1/opportunities/" + id + "/assign").with(caller.asCaller())
                .contentType(MediaType.APPLICATION_JSON).content("{\"ownerId\":\"" + ownerId + "\"}"));
    }

    @Test
    void aRepSeesOwnOpportunitiesTheirManagersTheSubtreeOthersGet404() throws Exception {
        String customer = OpportunityApi.uniqueCustomer();
        String mine = api().open(REP_EAST_1, customer, "100", "CNY", "2021-09-30");
        String colleagues = api().open(REP_EAST_1_B, customer, "200", "CNY", "2021-09-30");
        String otherTeam = api().open(REP_EAST_2, customer, "300", "CNY", "2021-09-30");
        String west = api().open(REP_WEST_1, customer, "400", "CNY", "2021-09-30");

        for (String path : List.of("", "/history", "/activities")) {
            mvc.perform(get("/api/v1/opportunities/" + mine + path).with(REP_EAST_1.asCaller()))
                    .andExpect(status().isOk());
            mvc.perform(get("/api/v1/opportunities/" + colleagues + path).with(REP_EAST_1.asCaller()))
                    .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
            mvc.perform(get("/api/v1/opportunities/" + otherTeam + path).with(MANAGER_EAST_1.asCaller()))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/opportunities/" + west + path).with(MANAGER_EAST.asCaller()))
                    .andExpect(status().isNotFound());
        }
        // writes out of scope are 404 too, and change nothing
        mvc.perform(post("/api/v1/opportunities/" + colleagues + "/win").with(REP_EAST_1.asCaller()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/opportunities/" + otherTeam + "/activities").with(MANAGER_EAST_1.asCaller())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"Not mine\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/opportunities/" + colleagues)).andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.lastActivityAt").doesNotExist());

        expectList(REP_EAST_1, customer, mine);
        expectList(REP_EAST_1_B, customer, colleagues);
        expectList(MANAGER_EAST_1, customer, mine, colleagues);
        expectList(MANAGER_EAST_2, customer, otherTeam);
        expectList(MANAGER_EAST, customer, mine, colleagues, otherTeam);
        expectList(MANAGER_WEST, customer, west);
        expectList(DIRECTOR, customer, mine, colleagues, otherTeam, west);
        expectList(AUDITOR, customer, mine, colleagues, otherTeam, west);
        expectList(Callers.client("crm-east", Callers.EAST, "opportunities:read"), customer, mine, colleagues,
                otherTeam);
    }

    private void expectList(Caller caller, String customer, String... ids) throws Exception {
        mvc.perform(get("/api/v1/opportunities").param("customerId", customer).with(caller.asCaller()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].id").value(containsInAnyOrder((Object[]) ids)))
                .andExpect(jsonPath("$.page.totalElements").value(ids.length));
    }

    @Test
    void aTeamManagerReassignsWithinTheTeamAndOnlyTheNewOwnerSeesItThen() throws Exception {
        String id = api().open(REP_EAST_1, OpportunityApi.uniqueCustomer(), "100", "CNY", "2021-09-30");
        mvc.perform(post("/api/v1/opportunities/" + id + "/assign").with(MANAGER_EAST_1.asCaller())
                        .header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ownerId\":\"" + REP_EAST_1_B.id() + "\"}"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.ownerId").value(REP_EAST_1_B.id()))
                .andExpect(jsonPath("$.orgPath").value(Callers.EAST_1));
        mvc.perform(get("/api/v1/opportunities/" + id).with(REP_EAST_1.asCaller())).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/opportunities/" + id).with(REP_EAST_1_B.asCaller())).andExpect(status().isOk());
    }

    @Test
    void aDirectorMovesAnOpportunityToAnotherRegionWhereItThenLives() throws Exception {
        String id = api().open(REP_EAST_1, OpportunityApi.uniqueCustomer(), "100", "CNY", "2021-09-30");
        assign(id, DIRECTOR, REP_WEST_1.id()).andExpect(status().isOk())
                .andExpect(jsonPath("$.orgPath").value(Callers.WEST_1));
        mvc.perform(get("/api/v1/opportunities/" + id).with(MANAGER_EAST.asCaller())).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/opportunities/" + id).with(MANAGER_WEST.asCaller())).andExpect(status().isOk());
    }

    @Test
    void repsCannotReassignAndManagersOnlyToKnownUsersTheyManage() throws Exception {
        String id = api().open(REP_EAST_1, OpportunityApi.uniqueCustomer(), "100", "CNY", "2021-09-30");
        assign(id, REP_EAST_1, REP_EAST_1_B.id()).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("ACCESS_DENIED"));
        assign(id, MANAGER_EAST, REP_WEST_1.id()).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("ASSIGNEE_OUT_OF_SCOPE"));
        assign(id, MANAGER_EAST, "u-nobody").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("UNKNOWN_ASSIGNEE"));
        assign(id, MANAGER_WEST, REP_WEST_1.id()).andExpect(status().isNotFound());
        assign(id, MANAGER_EAST, "").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        mvc.perform(get("/api/v1/opportunities/" + id).with(REP_EAST_1.asCaller())).andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""));
    }
}

package io.channelops.customer.customer;

import static io.channelops.platform.test.Callers.DIRECTOR;
import static io.channelops.platform.test.Callers.MANAGER_EAST;
import static io.channelops.platform.test.Callers.MANAGER_EAST_1;
import static io.channelops.platform.test.Callers.MANAGER_WEST;
import static io.channelops.platform.test.Callers.REP_EAST_1;
import static io.channelops.platform.test.Callers.REP_EAST_1_B;
import static io.channelops.platform.test.Callers.REP_WEST_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.platform.test.UserDirectoryFeed;
import io.channelops.platform.test.Caller;
import io.channelops.platform.test.Callers;
import io.channelops.platform.test.ServiceIntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/v1/customers/{id}/assign}: who may hand a customer to whom, and who sees it then. */
@ServiceIntegrationTest
class CustomerAssignmentIT {

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

    /** A fresh customer of rep A of team east-1. */
    private String customerOfRepEast1() throws Exception {
        String code = "A" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var result = mvc.perform(post("/api/v1/customers").with(REP_EAST_1.asCaller())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"" + code + "\",\"name\":\"Assignable\",\"type\":\"DEALER\","
                                + "\"regionCode\":\"EAST\"}"))
                .andExpect(status().isCreated()).andReturn();
        return json.readTree(result.getResponse().getContentAsString()).get("id").asString();
    }

    private ResultActions assign(String id, Caller caller, String ownerId, String ifMatch) throws Exception {
        return mvc.perform(post("/api/v1/customers/" + id + "/assign").with(caller.asCaller())
                .header("If-Match", ifMatch).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("ownerId", ownerId, "reason", "Rebalancing the territory"))));
    }

    private void assertUnchanged(String id) throws Exception {
        mvc.perform(get("/api/v1/customers/" + id)).andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.ownerId").value(REP_EAST_1.id()))
                .andExpect(jsonPath("$.orgPath").value(Callers.EAST_1));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customer_assignments WHERE customer_id = ?", Long.class,
                id)).isZero();
    }

    @Test
    void aTeamManagerAssignsWithinTheTeamAndOnlyTheNewOwnerSeesTheCustomerThen() throws Exception {
        String id = customerOfRepEast1();
        assign(id, MANAGER_EAST_1, REP_EAST_1_B.id(), "\"0\"")
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.ownerId").value(REP_EAST_1_B.id()))
                .andExpect(jsonPath("$.orgPath").value(Callers.EAST_1))
                .andExpect(jsonPath("$.version").value(1));

        mvc.perform(get("/api/v1/customers/" + id).with(REP_EAST_1.asCaller())).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/customers/" + id).with(REP_EAST_1_B.asCaller())).andExpect(status().isOk())
                .andExpect(jsonPath("$.ownerId").value(REP_EAST_1_B.id()));
        mvc.perform(get("/api/v1/customers").param("q", "Assignable").param("size", "200")
                        .with(REP_EAST_1.asCaller()))
                .andExpect(jsonPath("$.content[?(@.id == '" + id + "')]").isEmpty());
        mvc.perform(get("/api/v1/customers").param("q", "Assignable").param("size", "200")
                        .with(REP_EAST_1_B.asCaller()))
                .andExpect(jsonPath("$.content[?(@.id == '" + id + "')]").isNotEmpty());

        assertThat(jdbc.queryForMap("""
                SELECT from_owner_id, from_org_path, to_owner_id, to_org_path, reason, assigned_by
                  FROM customer_assignments WHERE customer_id = ?""", id)).containsAllEntriesOf(Map.of(
                "from_owner_id", REP_EAST_1.id(), "from_org_path", Callers.EAST_1,
                "to_owner_id", REP_EAST_1_B.id(), "to_org_path", Callers.EAST_1,
                "reason", "Rebalancing the territory", "assigned_by", MANAGER_EAST_1.id()));
    }

    @Test
    void aDirectorMovesACustomerToAnotherRegionWhereItThenLives() throws Exception {
        String id = customerOfRepEast1();
        assign(id, DIRECTOR, REP_WEST_1.id(), "\"0\"").andExpect(status().isOk())
                .andExpect(jsonPath("$.ownerId").value(REP_WEST_1.id()))
                .andExpect(jsonPath("$.orgPath").value(Callers.WEST_1));
        mvc.perform(get("/api/v1/customers/" + id).with(MANAGER_EAST.asCaller())).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/customers/" + id).with(MANAGER_WEST.asCaller())).andExpect(status().isOk());
        mvc.perform(get("/api/v1/customers/" + id).with(REP_WEST_1.asCaller())).andExpect(status().isOk());
    }

    @Test
    void aRegionManagerCannotAssignToARepOfAnotherRegion() throws Exception {
        String id = customerOfRepEast1();
        assign(id, MANAGER_EAST, REP_WEST_1.id(), "\"0\"")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("ASSIGNEE_OUT_OF_SCOPE"));
        assertUnchanged(id);
    }

    @Test
    void aRepCannotAssignNotEvenTheirOwnCustomer() throws Exception {
        String id = customerOfRepEast1();
        assign(id, REP_EAST_1, REP_EAST_1_B.id(), "\"0\"")
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("ACCESS_DENIED"));
        assertUnchanged(id);
    }

    @Test
    void unknownAndDeactivatedUsersCannotTakeACustomer() throws Exception {
        String id = customerOfRepEast1();
        assign(id, MANAGER_EAST_1, "u-nobody-" + UUID.randomUUID(), "\"0\"")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("UNKNOWN_ASSIGNEE"));
        String leaver = "u-leaver-" + UUID.randomUUID().toString().substring(0, 8);
        UserDirectoryFeed.register(jdbc, leaver, Callers.EAST_1, "DEACTIVATED");
        assign(id, MANAGER_EAST_1, leaver, "\"0\"")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("UNKNOWN_ASSIGNEE"));
        assertUnchanged(id);
    }

    @Test
    void aCustomerOutsideTheCallersScopeIsNotFoundWhoeverTheAssigneeIs() throws Exception {
        String id = customerOfRepEast1();
        assign(id, MANAGER_WEST, REP_WEST_1.id(), "\"0\"")
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
        assign(UUID.randomUUID().toString(), MANAGER_EAST_1, REP_EAST_1_B.id(), "\"0\"")
                .andExpect(status().isNotFound());
        assertUnchanged(id);
    }

    @Test
    void assigningNeedsTheCurrentETagAndAReason() throws Exception {
        String id = customerOfRepEast1();
        mvc.perform(post("/api/v1/customers/" + id + "/assign").with(MANAGER_EAST_1.asCaller())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ownerId\":\"" + REP_EAST_1_B.id() + "\",\"reason\":\"No ETag\"}"))
                .andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.code").value("PRECONDITION_REQUIRED"));
        assign(id, MANAGER_EAST_1, REP_EAST_1_B.id(), "\"7\"")
                .andExpect(status().isPreconditionFailed()).andExpect(jsonPath("$.code").value("STALE_VERSION"));
        for (String body : new String[] {
                "{\"ownerId\":\"" + REP_EAST_1_B.id() + "\"}",
                "{\"ownerId\":\"" + REP_EAST_1_B.id() + "\",\"reason\":\"  \"}",
                "{\"ownerId\":\"" + REP_EAST_1_B.id() + "\",\"reason\":\"" + "x".repeat(501) + "\"}",
                "{\"reason\":\"No owner\"}"}) {
            mvc.perform(post("/api/v1/customers/" + id + "/assign").with(MANAGER_EAST_1.asCaller())
                            .header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        }
        mvc.perform(post("/api/v1/customers/" + id + "/assign").with(MANAGER_EAST_1.asCaller())
                        .header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ownerId\":\"" + REP_EAST_1_B.id() + "\",\"reason\":\"Sneaky\","
                                + "\"orgPath\":\"/hq\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("UNKNOWN_FIELD"));
        assertUnchanged(id);

        assign(id, MANAGER_EAST_1, REP_EAST_1_B.id(), "\"0\"").andExpect(status().isOk());
        assign(id, MANAGER_EAST_1, REP_EAST_1_B.id(), "\"0\"")
                .andExpect(status().isPreconditionFailed()).andExpect(jsonPath("$.code").value("STALE_VERSION"));
    }
}

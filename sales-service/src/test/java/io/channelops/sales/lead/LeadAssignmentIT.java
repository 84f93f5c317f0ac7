package io.channelops.sales.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.platform.test.Caller;
import io.channelops.platform.test.Callers;
import io.channelops.platform.test.UserDirectoryFeed;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Routing of unowned leads by the assignment rules, the queue, claiming and assigning. */
class LeadAssignmentIT extends LeadsTestSupport {

    private List<String> queueIds(Caller caller) throws Exception {
        JsonNode page = read(mvc.perform(get("/api/v1/leads/queue").param("size", "200").with(caller.asCaller()))
                .andExpect(status().isOk()).andReturn());
        List<String> ids = new ArrayList<>();
        page.path("content").forEach(lead -> ids.add(lead.path("id").asString()));
        return ids;
    }

    @Test
    void roundRobinHandsNewLeadsToTheTeamsActiveRepsInTurn() throws Exception {
        String team = "/hq/north/rr-" + run.toLowerCase(Locale.ROOT);
        String region = "RR" + run;
        List<String> reps = List.of("u-rr-" + run + "-1", "u-rr-" + run + "-2", "u-rr-" + run + "-3");
        reps.forEach(rep -> UserDirectoryFeed.registerRep(jdbc, rep, team));
        mvc.perform(postJson("/api/v1/lead-assignment-rules", """
                {"regionCode":"%s","teamPath":"%s","strategy":"ROUND_ROBIN"}""".formatted(region, team)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.activeReps.length()").value(3));
        mvc.perform(postJson("/api/v1/lead-assignment-rules", """
                {"regionCode":"%s","teamPath":"%s","strategy":"ROUND_ROBIN"}""".formatted(region, team)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("ASSIGNMENT_RULE_EXISTS"));

        Caller shop = Callers.client("web-shop-" + run, Callers.HQ, "leads:write", "leads:read");
        List<String> owners = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            JsonNode lead = capture(shop, leadBody(region, null));
            assertThat(lead.path("orgPath").asString()).isEqualTo(team);
            assertThat(lead.path("queued").asBoolean()).isFalse();
            owners.add(lead.path("ownerId").asString());
        }
        assertThat(owners).containsExactly(reps.get(0), reps.get(1), reps.get(2), reps.get(0), reps.get(1),
                reps.get(2));
        assertThat(rows("SELECT COUNT(*) FROM lead_round_robin WHERE team_path = ? AND last_user_id = ?", team,
                reps.get(2))).isEqualTo(1);
    }

    @Test
    void aFixedUserRuleRoutesToThatUserAndATeamWithoutRepsQueuesAtTheTeam() throws Exception {
        UserDirectoryFeed.register(jdbc, Callers.REP_EAST_2);
        String fixedRegion = "FX" + run;
        mvc.perform(postJson("/api/v1/lead-assignment-rules", """
                {"regionCode":"%s","teamPath":"%s","strategy":"FIXED_USER","fixedUserId":"%s"}""".formatted(
                fixedRegion, Callers.EAST_2, Callers.REP_EAST_2.id()))).andExpect(status().isCreated());
        String emptyRegion = "EM" + run;
        String emptyTeam = "/hq/south/empty-" + run.toLowerCase(Locale.ROOT);
        mvc.perform(postJson("/api/v1/lead-assignment-rules", """
                {"regionCode":"%s","teamPath":"%s","strategy":"ROUND_ROBIN"}""".formatted(emptyRegion, emptyTeam)))
                .andExpect(status().isCreated());
        mvc.perform(postJson("/api/v1/lead-assignment-rules", """
                {"regionCode":"X%s","teamPath":"%s","strategy":"FIXED_USER","fixedUserId":"%s"}""".formatted(
                run, Callers.EAST_1, Callers.REP_EAST_2.id()))).andExpect(status().isUnprocessableContent());

        // a manager capturing a lead may ask for routing instead of owning it
        JsonNode fixed = capture(Callers.MANAGER_EAST, leadBody(fixedRegion, "\"route\":true"));
        assertThat(fixed.path("ownerId").asString()).isEqualTo(Callers.REP_EAST_2.id());
        assertThat(fixed.path("orgPath").asString()).isEqualTo(Callers.EAST_2);
        JsonNode queued = capture(Callers.client("shop-" + run, Callers.HQ, "leads:write"),
                leadBody(emptyRegion, null));
        assertThat(queued.path("queued").asBoolean()).isTrue();
        assertThat(queued.path("ownerId").asString()).isEqualTo("pool");
        assertThat(queued.path("orgPath").asString()).isEqualTo(emptyTeam);
    }

    @Test
    void theQueueShowsUnassignedLeadsToThoseWhoMayTakeThemAndARepClaimsOne() throws Exception {
        UserDirectoryFeed.register(jdbc, Callers.REP_EAST_1_B, Callers.REP_WEST_1);
        // no rule for this region: the lead waits in the queue of the posting client's org unit (team east-1)
        Caller teamShop = Callers.client("team-shop-" + run, Callers.EAST_1, "leads:write");
        JsonNode lead = capture(teamShop, leadBody("NOWHERE" + run, null));
        String id = lead.path("id").asString();
        assertThat(lead.path("queued").asBoolean()).isTrue();
        assertThat(lead.path("orgPath").asString()).isEqualTo(Callers.EAST_1);

        assertThat(queueIds(Callers.DIRECTOR)).contains(id);
        assertThat(queueIds(Callers.MANAGER_EAST)).contains(id);
        assertThat(queueIds(Callers.MANAGER_EAST_1)).contains(id);
        assertThat(queueIds(Callers.REP_EAST_1)).contains(id);
        assertThat(queueIds(Callers.MANAGER_WEST)).doesNotContain(id);
        assertThat(queueIds(Callers.MANAGER_EAST_2)).doesNotContain(id);
        assertThat(queueIds(Callers.REP_EAST_2)).doesNotContain(id);
        mvc.perform(get("/api/v1/leads/" + id).with(Callers.REP_EAST_1.asCaller())).andExpect(status().isOk());
        mvc.perform(get("/api/v1/leads/" + id).with(Callers.REP_EAST_2.asCaller())).andExpect(status().isNotFound());

        // nobody works a queued lead before it has an owner
        mvc.perform(post("/api/v1/leads/" + id + "/start")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("LEAD_UNASSIGNED"));
        mvc.perform(post("/api/v1/leads/" + id + "/claim").with(Callers.REP_EAST_2.asCaller()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/leads/" + id + "/claim").with(Callers.REP_EAST_1.asCaller()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.ownerId").value(Callers.REP_EAST_1.id()))
                .andExpect(jsonPath("$.queued").value(false));
        assertThat(queueIds(Callers.REP_EAST_1)).doesNotContain(id);
        mvc.perform(post("/api/v1/leads/" + id + "/claim").with(Callers.MANAGER_EAST_1.asCaller()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("LEAD_ALREADY_ASSIGNED"));

        // a manager hands it on within their subtree, not outside it; reps cannot assign
        mvc.perform(postJson("/api/v1/leads/" + id + "/assign", """
                {"ownerId":"%s"}""".formatted(Callers.REP_WEST_1.id())).with(Callers.MANAGER_EAST_1.asCaller()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("ASSIGNEE_OUT_OF_SCOPE"));
        mvc.perform(postJson("/api/v1/leads/" + id + "/assign", """
                {"ownerId":"u-nobody-%s"}""".formatted(run)).with(Callers.MANAGER_EAST_1.asCaller()))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("UNKNOWN_ASSIGNEE"));
        mvc.perform(postJson("/api/v1/leads/" + id + "/assign", """
                {"ownerId":"%s"}""".formatted(Callers.REP_EAST_1_B.id())).with(Callers.REP_EAST_1.asCaller()))
                .andExpect(status().isForbidden());
        mvc.perform(postJson("/api/v1/leads/" + id + "/assign", """
                {"ownerId":"%s"}""".formatted(Callers.REP_EAST_1_B.id())).with(Callers.MANAGER_WEST.asCaller()))
                .andExpect(status().isNotFound());
        mvc.perform(postJson("/api/v1/leads/" + id + "/assign", """
                {"ownerId":"%s"}""".formatted(Callers.REP_EAST_1_B.id())).with(Callers.MANAGER_EAST_1.asCaller()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.ownerId").value(Callers.REP_EAST_1_B.id()));
        mvc.perform(get("/api/v1/leads/" + id).with(Callers.REP_EAST_1.asCaller())).andExpect(status().isNotFound());
    }
}

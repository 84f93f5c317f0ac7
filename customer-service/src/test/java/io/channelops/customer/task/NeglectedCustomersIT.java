package io.channelops.customer.task;

import static io.channelops.platform.test.Callers.MANAGER_EAST;
import static io.channelops.platform.test.Callers.REP_EAST_1;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.customer.EngagementFixtures;
import io.channelops.platform.test.Caller;
import io.channelops.platform.test.ServiceIntegrationTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/tasks/neglected-customers}: customers whose last activity is older than their level allows
 * (KEY 7, NORMAL 30, MINOR 90 days by default) and that have no open task, in the owner's list.
 */
@ServiceIntegrationTest
class NeglectedCustomersIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    TaskService tasks;

    EngagementFixtures fixtures;
    String team;
    Caller rep;

    @BeforeEach
    void aRepOfTheirOwnTeam() {
        fixtures = new EngagementFixtures(mvc, json);
        team = EngagementFixtures.uniqueTeam();
        rep = EngagementFixtures.freshRep(team);
    }

    private static Instant daysAgo(long days) {
        return Instant.now().minus(days, ChronoUnit.DAYS);
    }

    private String customer(String name, String level, Instant lastActivity) {
        String id = fixtures.customerOf(rep, name);
        EngagementFixtures.touch(jdbc, id, level, lastActivity);
        return id;
    }

    private void openTask(String customerId) {
        fixtures.task(rep, "{\"title\":\"Call them\",\"dueDate\":\"" + tasks.today().plusDays(3)
                + "\",\"customerId\":\"" + customerId + "\"}");
    }

    @Test
    void customersWithoutFollowUpForLongerThanTheirLevelAllowsAndNoOpenTaskAreListedOldestFirst() throws Exception {
        String key8 = customer("Key 8 days", "KEY", daysAgo(8));
        customer("Key 6 days", "KEY", daysAgo(6));
        String normal31 = fixtures.customerOf(rep, "Normal never touched, registered 31 days ago");
        jdbc.update("UPDATE customers SET created_at = ? WHERE id = ?", Timestamp.from(daysAgo(31)), normal31);
        fixtures.customerOf(rep, "Normal never touched, registered today");
        customer("Normal 29 days", "NORMAL", daysAgo(29));
        String minor91 = customer("Minor 91 days", "MINOR", daysAgo(91));
        customer("Minor 89 days", "MINOR", daysAgo(89));
        String keyWithOpenTask = customer("Key 20 days with an open task", "KEY", daysAgo(20));
        openTask(keyWithOpenTask);
        String keyWithClosedTask = customer("Key 20 days with a finished task", "KEY", daysAgo(20).plusSeconds(60));
        String done = fixtures.task(rep, "{\"title\":\"Done\",\"dueDate\":\"" + tasks.today() + "\",\"customerId\":\""
                + keyWithClosedTask + "\"}").get("id").asString();
        mvc.perform(post("/api/v1/tasks/" + done + "/complete").with(rep.asCaller())).andExpect(status().isOk());
        String lost = customer("Lost long ago", "KEY", daysAgo(200));
        jdbc.update("UPDATE customers SET status = 'LOST' WHERE id = ?", lost);

        mvc.perform(get("/api/v1/tasks/neglected-customers").with(rep.asCaller())).andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].id").value(contains(minor91, normal31, keyWithClosedTask,
                        key8)))
                .andExpect(jsonPath("$.page.totalElements").value(4))
                .andExpect(jsonPath("$.content[0].level").value("MINOR"))
                .andExpect(jsonPath("$.content[0].followUpDays").value(90))
                .andExpect(jsonPath("$.content[0].daysWithoutFollowUp").value(91))
                .andExpect(jsonPath("$.content[0].ownerId").value(rep.id()))
                .andExpect(jsonPath("$.content[1].lastActivityAt").doesNotExist())
                .andExpect(jsonPath("$.content[1].followUpDays").value(30))
                .andExpect(jsonPath("$.content[3].followUpDays").value(7))
                .andExpect(jsonPath("$.content[3].daysWithoutFollowUp").value(8));

        mvc.perform(get("/api/v1/tasks/neglected-customers").param("level", "KEY").with(rep.asCaller()))
                .andExpect(jsonPath("$.content[*].id").value(contains(keyWithClosedTask, key8)));
        mvc.perform(get("/api/v1/tasks/neglected-customers").param("size", "1").param("page", "1")
                        .with(rep.asCaller()))
                .andExpect(jsonPath("$.content[*].id").value(contains(normal31)))
                .andExpect(jsonPath("$.page.totalPages").value(4));

        // a new activity (as the core of the archive records it) or an open task takes a customer off the list
        EngagementFixtures.touch(jdbc, key8, "KEY", Instant.now());
        openTask(minor91);
        mvc.perform(get("/api/v1/tasks/neglected-customers").with(rep.asCaller()))
                .andExpect(jsonPath("$.content[*].id").value(contains(normal31, keyWithClosedTask)));
    }

    @Test
    void theOwnersManagerSeesTheirNeglectedCustomersAndNobodyElseDoes() throws Exception {
        String neglected = customer("Neglected", "KEY", daysAgo(30));
        String othersNeglected = fixtures.customerOf(REP_EAST_1, "Someone else's");
        EngagementFixtures.touch(jdbc, othersNeglected, "KEY", daysAgo(30));

        mvc.perform(get("/api/v1/tasks/neglected-customers").with(rep.asCaller()))
                .andExpect(jsonPath("$.content[*].id").value(contains(neglected)));
        Caller manager = EngagementFixtures.freshManager(team);
        mvc.perform(get("/api/v1/tasks/neglected-customers").with(manager.asCaller()))
                .andExpect(jsonPath("$.content[*].id").value(contains(neglected)));
        mvc.perform(get("/api/v1/tasks/neglected-customers").param("ownerId", REP_EAST_1.id())
                        .with(manager.asCaller()))
                .andExpect(jsonPath("$.page.totalElements").value(0));
        mvc.perform(get("/api/v1/tasks/neglected-customers").param("ownerId", REP_EAST_1.id()).param("size", "200")
                        .with(MANAGER_EAST.asCaller()))
                .andExpect(jsonPath("$.content[*].id").value(hasItem(othersNeglected)))
                .andExpect(jsonPath("$.content[*].id").value(not(hasItem(neglected))));
        mvc.perform(get("/api/v1/tasks/neglected-customers").param("level", "VIP").with(rep.asCaller()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PARAMETER"));
    }
}

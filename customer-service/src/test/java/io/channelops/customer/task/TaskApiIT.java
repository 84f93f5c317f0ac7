package io.channelops.customer.task;

import static io.channelops.platform.test.Callers.DIRECTOR;
import static io.channelops.platform.test.Callers.MANAGER_EAST;
import static io.channelops.platform.test.Callers.MANAGER_EAST_1;
import static io.channelops.platform.test.Callers.MANAGER_EAST_2;
import static io.channelops.platform.test.Callers.REP_EAST_1;
import static io.channelops.platform.test.Callers.REP_EAST_1_B;
import static io.channelops.platform.test.Callers.REP_EAST_2;
import static io.channelops.platform.test.Callers.REP_WEST_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.customer.EngagementFixtures;
import io.channelops.platform.test.UserDirectoryFeed;
import io.channelops.events.customer.CustomersMerged;
import io.channelops.platform.test.Caller;
import io.channelops.platform.test.ServiceIntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/** {@code /api/v1/tasks}: creating, assigning, changing and closing tasks, and the caller's lists. */
@ServiceIntegrationTest
class TaskApiIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    TaskService tasks;

    EngagementFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new EngagementFixtures(mvc, json);
        UserDirectoryFeed.register(jdbc, REP_EAST_1, REP_EAST_1_B, REP_EAST_2, REP_WEST_1);
    }

    private String task(Caller caller, String title, LocalDate due) {
        return fixtures.task(caller, "{\"title\":\"" + title + "\",\"dueDate\":\"" + due + "\"}").get("id")
                .asString();
    }

    private ResultActions create(Caller caller, String body) throws Exception {
        return mvc.perform(post("/api/v1/tasks").with(caller.asCaller()).contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private ResultActions action(Caller caller, String id, String action) throws Exception {
        return mvc.perform(post("/api/v1/tasks/" + id + "/" + action).with(caller.asCaller()));
    }

    @Test
    void createsReadsChangesAndCompletesATask() throws Exception {
        LocalDate today = tasks.today();
        String customer = fixtures.customerOf(REP_EAST_1);
        MvcResult created = create(REP_EAST_1, """
                {"title":" Send the price list ","notes":"Spring range","dueDate":"%s","customerId":"%s"}"""
                .formatted(today.plusDays(2), customer))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.title").value("Send the price list"))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.assigneeId").value(REP_EAST_1.id()))
                .andExpect(jsonPath("$.orgPath").value("/hq/east/team-1"))
                .andExpect(jsonPath("$.customerId").value(customer))
                .andExpect(jsonPath("$.createdBy").value(REP_EAST_1.id()))
                .andReturn();
        String id = json.readTree(created.getResponse().getContentAsString()).get("id").asString();
        assertThat(created.getResponse().getHeader("Location")).isEqualTo("/api/v1/tasks/" + id);
        assertThat(tasks.countOpen(customer)).isEqualTo(1);

        mvc.perform(patch("/api/v1/tasks/" + id).with(REP_EAST_1.asCaller()).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"dueDate\":\"" + today.plusDays(5) + "\",\"notes\":\"\"}"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.dueDate").value(today.plusDays(5).toString()))
                .andExpect(jsonPath("$.notes").doesNotExist())
                .andExpect(jsonPath("$.title").value("Send the price list"));

        action(REP_EAST_1, id, "complete").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DONE"))
                .andExpect(jsonPath("$.closedBy").value(REP_EAST_1.id()))
                .andExpect(jsonPath("$.completedAt").exists());
        assertThat(tasks.countOpen(customer)).isZero();
        action(REP_EAST_1, id, "complete").andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("ILLEGAL_STATE_TRANSITION"));
        action(REP_EAST_1, id, "cancel").andExpect(status().isConflict());
        mvc.perform(patch("/api/v1/tasks/" + id).with(REP_EAST_1.asCaller()).header("If-Match", "\"2\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"Reopened?\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("ILLEGAL_STATE_TRANSITION"));

        String other = task(REP_EAST_1, "To be dropped", today);
        mvc.perform(post("/api/v1/tasks/" + other + "/cancel").with(REP_EAST_1.asCaller()).header("If-Match", "\"5\""))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(post("/api/v1/tasks/" + other + "/cancel").with(REP_EAST_1.asCaller()).header("If-Match", "\"0\""))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CANCELLED"))
                .andExpect(jsonPath("$.cancelledAt").exists()).andExpect(jsonPath("$.completedAt").doesNotExist());
        action(REP_EAST_1, other, "complete").andExpect(status().isConflict());
    }

    @Test
    void aRepMayAssignTasksOnlyToThemselves() throws Exception {
        LocalDate due = tasks.today().plusDays(1);
        create(REP_EAST_1, "{\"title\":\"T\",\"dueDate\":\"" + due + "\",\"assigneeId\":\"" + REP_EAST_1_B.id()
                + "\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("ASSIGNEE_OUT_OF_SCOPE"));
        create(REP_EAST_1, "{\"title\":\"T\",\"dueDate\":\"" + due + "\",\"assigneeId\":\"me\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.assigneeId").value(REP_EAST_1.id()));
        create(REP_EAST_1, "{\"title\":\"T\",\"dueDate\":\"" + due + "\",\"assigneeId\":\"" + REP_EAST_1.id() + "\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.assigneeId").value(REP_EAST_1.id()));
        String own = task(REP_EAST_1, "Mine", due);
        mvc.perform(patch("/api/v1/tasks/" + own).with(REP_EAST_1.asCaller()).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"assigneeId\":\"" + REP_EAST_1_B.id() + "\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("ASSIGNEE_OUT_OF_SCOPE"));
        mvc.perform(get("/api/v1/tasks/" + own).with(REP_EAST_1.asCaller()))
                .andExpect(header().string("ETag", "\"0\"")).andExpect(jsonPath("$.assigneeId").value(REP_EAST_1.id()));
    }

    @Test
    void aManagerAssignsWithinTheirSubtreeAndSeesTheTeamsTasks() throws Exception {
        LocalDate due = tasks.today().plusDays(1);
        String id = json.readTree(create(MANAGER_EAST_1, "{\"title\":\"For B\",\"dueDate\":\"" + due
                        + "\",\"assigneeId\":\"" + REP_EAST_1_B.id() + "\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.assigneeId").value(REP_EAST_1_B.id()))
                .andExpect(jsonPath("$.orgPath").value("/hq/east/team-1"))
                .andExpect(jsonPath("$.createdBy").value(MANAGER_EAST_1.id()))
                .andReturn().getResponse().getContentAsString()).get("id").asString();

        for (Caller sees : List.of(REP_EAST_1_B, MANAGER_EAST_1, MANAGER_EAST, DIRECTOR)) {
            mvc.perform(get("/api/v1/tasks/" + id).with(sees.asCaller())).andExpect(status().isOk());
        }
        for (Caller doesNot : List.of(REP_EAST_1, REP_EAST_2, MANAGER_EAST_2, REP_WEST_1)) {
            mvc.perform(get("/api/v1/tasks/" + id).with(doesNot.asCaller())).andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value("NOT_FOUND"));
            action(doesNot, id, "complete").andExpect(status().isNotFound());
        }
        mvc.perform(get("/api/v1/tasks").param("assignee", REP_EAST_1_B.id()).param("status", "OPEN")
                        .param("size", "200").with(MANAGER_EAST_1.asCaller()))
                .andExpect(jsonPath("$.content[*].id").value(hasItem(id)));
        mvc.perform(get("/api/v1/tasks").param("assignee", REP_EAST_1_B.id()).param("size", "200")
                        .with(MANAGER_EAST_2.asCaller()))
                .andExpect(jsonPath("$.page.totalElements").value(0));
        mvc.perform(get("/api/v1/tasks").param("size", "200").with(REP_EAST_1.asCaller()))
                .andExpect(jsonPath("$.content[*].id").value(not(hasItem(id))));

        create(MANAGER_EAST_1, "{\"title\":\"T\",\"dueDate\":\"" + due + "\",\"assigneeId\":\"" + REP_EAST_2.id()
                + "\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("ASSIGNEE_OUT_OF_SCOPE"));
        create(MANAGER_EAST_1, "{\"title\":\"T\",\"dueDate\":\"" + due + "\",\"assigneeId\":\"u-nobody-"
                + UUID.randomUUID().toString().substring(0, 8) + "\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("UNKNOWN_ASSIGNEE"));

        // the region's manager hands it to the other team: it leaves team east-1's view
        mvc.perform(patch("/api/v1/tasks/" + id).with(MANAGER_EAST.asCaller()).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"assigneeId\":\"" + REP_EAST_2.id() + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assigneeId").value(REP_EAST_2.id()))
                .andExpect(jsonPath("$.orgPath").value("/hq/east/team-2"));
        mvc.perform(get("/api/v1/tasks/" + id).with(MANAGER_EAST_1.asCaller())).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/tasks/" + id).with(REP_EAST_2.asCaller())).andExpect(status().isOk());
    }

    @Test
    void overdueAndDueTodayListTheOpenTasksOfTheCallerOrOfSomeoneTheyManage() throws Exception {
        String team = EngagementFixtures.uniqueTeam();
        Caller rep = EngagementFixtures.freshRep(team);
        Caller manager = EngagementFixtures.freshManager(team);
        UserDirectoryFeed.register(jdbc, rep);
        LocalDate today = tasks.today();
        String lastWeek = task(rep, "Last week", today.minusDays(7));
        String yesterday = task(rep, "Yesterday", today.minusDays(1));
        String dueToday = task(rep, "Today", today);
        task(rep, "Tomorrow", today.plusDays(1));
        action(rep, task(rep, "Done yesterday", today.minusDays(1)), "complete").andExpect(status().isOk());
        action(rep, task(rep, "Cancelled today", today), "cancel").andExpect(status().isOk());
        String managersOwn = task(manager, "Manager's own", today.minusDays(2));
        String forTheRep = fixtures.task(manager, "{\"title\":\"From the manager\",\"dueDate\":\"" + today
                + "\",\"assigneeId\":\"" + rep.id() + "\"}").get("id").asString();

        mvc.perform(get("/api/v1/tasks/overdue").with(rep.asCaller())).andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].id").value(contains(lastWeek, yesterday)));
        mvc.perform(get("/api/v1/tasks/due-today").with(rep.asCaller()))
                .andExpect(jsonPath("$.content[*].id").value(containsInAnyOrder(dueToday, forTheRep)));

        mvc.perform(get("/api/v1/tasks/overdue").with(manager.asCaller()))
                .andExpect(jsonPath("$.content[*].id").value(contains(managersOwn)));
        mvc.perform(get("/api/v1/tasks/overdue").param("assignee", rep.id()).with(manager.asCaller()))
                .andExpect(jsonPath("$.content[*].id").value(contains(lastWeek, yesterday)));
        mvc.perform(get("/api/v1/tasks/overdue").param("assignee", "all").with(manager.asCaller()))
                .andExpect(jsonPath("$.content[*].id").value(contains(lastWeek, managersOwn, yesterday)));
        mvc.perform(get("/api/v1/tasks/due-today").param("assignee", rep.id()).with(manager.asCaller()))
                .andExpect(jsonPath("$.page.totalElements").value(2));
        // someone outside the team asking for the rep's lists sees nothing
        mvc.perform(get("/api/v1/tasks/overdue").param("assignee", rep.id()).with(MANAGER_EAST.asCaller()))
                .andExpect(jsonPath("$.page.totalElements").value(0));
        mvc.perform(get("/api/v1/tasks/overdue").param("assignee", rep.id()).with(DIRECTOR.asCaller()))
                .andExpect(jsonPath("$.page.totalElements").value(2));

        mvc.perform(get("/api/v1/tasks").param("assignee", "me").param("dueFrom", today.minusDays(1).toString())
                        .param("dueBefore", today.plusDays(1).toString()).param("sort", "title")
                        .with(rep.asCaller()))
                .andExpect(jsonPath("$.content[*].title").value(contains("Cancelled today", "Done yesterday",
                        "From the manager", "Today", "Yesterday")));
        mvc.perform(get("/api/v1/tasks").param("status", "DONE").with(rep.asCaller()))
                .andExpect(jsonPath("$.content[*].title").value(contains("Done yesterday")));
    }

    @Test
    void aTaskAboutACustomerOrActivityNeedsThemVisibleToTheCaller() throws Exception {
        LocalDate due = tasks.today().plusDays(1);
        String customer = fixtures.customerOf(REP_EAST_1);
        String activity = fixtures.call(REP_EAST_1, customer);
        create(REP_EAST_2, "{\"title\":\"T\",\"dueDate\":\"" + due + "\",\"customerId\":\"" + customer + "\"}")
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
        create(REP_EAST_2, "{\"title\":\"T\",\"dueDate\":\"" + due + "\",\"activityId\":\"" + activity + "\"}")
                .andExpect(status().isNotFound());
        create(REP_EAST_1, "{\"title\":\"T\",\"dueDate\":\"" + due + "\",\"customerId\":\""
                + fixtures.customerOf(REP_EAST_1) + "\",\"activityId\":\"" + activity + "\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("ACTIVITY_NOT_OF_CUSTOMER"));
        create(REP_EAST_1, "{\"title\":\"T\",\"dueDate\":\"" + due + "\",\"activityId\":\"" + activity + "\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.customerId").value(customer))
                .andExpect(jsonPath("$.activityId").value(activity));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tasks WHERE customer_id = ?", Long.class, customer))
                .isEqualTo(1);
    }

    @Autowired
    FollowUps listeners;

    @Test
    void theMergeListenerMovesNothingOutsideTheMergesTransaction() {
        String survivor = fixtures.customerOf(REP_EAST_1);
        String merged = fixtures.customerOf(REP_EAST_1);
        String task = fixtures.task(REP_EAST_1, "{\"title\":\"T\",\"dueDate\":\"" + tasks.today()
                + "\",\"customerId\":\"" + merged + "\"}").get("id").asString();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> listeners.on(new CustomersMerged(survivor, merged,
                        "DUP", REP_EAST_1.id(), java.time.Instant.now(), REP_EAST_1.id(), "/hq/east/team-1")))
                .isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
        assertThat(jdbc.queryForObject("SELECT customer_id FROM tasks WHERE id = ?", String.class, task))
                .isEqualTo(merged);
    }

    @Test
    void invalidTasksAndParametersAreProblems() throws Exception {
        LocalDate today = tasks.today();
        record Case(String body, int status, String code) {
        }
        for (Case c : List.of(
                new Case("{\"dueDate\":\"" + today + "\"}", 400, "VALIDATION_FAILED"),
                new Case("{\"title\":\"T\"}", 400, "VALIDATION_FAILED"),
                new Case("{\"title\":\"" + "x".repeat(201) + "\",\"dueDate\":\"" + today + "\"}", 400,
                        "VALIDATION_FAILED"),
                new Case("{\"title\":\"T\",\"dueDate\":\"tomorrow\"}", 400, "INVALID_VALUE"),
                new Case("{\"title\":\"T\",\"dueDate\":\"" + today + "\",\"status\":\"DONE\"}", 400, "UNKNOWN_FIELD"),
                new Case("{\"title\":\"T\",\"dueDate\":\"" + today + "\",\"assigneeId\":\"not valid!\"}", 400,
                        "VALIDATION_FAILED"),
                new Case("{\"title\":\"T\",\"dueDate\":\"" + today.minusYears(2) + "\"}", 422,
                        "DUE_DATE_OUT_OF_RANGE"),
                new Case("{\"title\":\"T\",\"dueDate\":\"" + today.plusYears(6) + "\"}", 422,
                        "DUE_DATE_OUT_OF_RANGE"),
                new Case("{\"title\":\"T\",\"dueDate\":\"" + today + "\",\"customerId\":\"" + UUID.randomUUID()
                        + "\"}", 404, "NOT_FOUND"))) {
            create(REP_EAST_1, c.body()).andExpect(status().is(c.status()))
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value(c.code()));
        }
        String id = task(REP_EAST_1, "Valid", today);
        mvc.perform(patch("/api/v1/tasks/" + id).with(REP_EAST_1.asCaller()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"No ETag\"}")).andExpect(status().isPreconditionRequired());
        mvc.perform(patch("/api/v1/tasks/" + id).with(REP_EAST_1.asCaller()).header("If-Match", "\"9\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"Stale\"}"))
                .andExpect(status().isPreconditionFailed()).andExpect(jsonPath("$.code").value("STALE_VERSION"));
        mvc.perform(patch("/api/v1/tasks/" + id).with(REP_EAST_1.asCaller()).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\" \"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        mvc.perform(patch("/api/v1/tasks/" + id).with(REP_EAST_1.asCaller()).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"dueDate\":\"" + today.minusYears(3) + "\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("DUE_DATE_OUT_OF_RANGE"));
        mvc.perform(get("/api/v1/tasks/" + id).with(REP_EAST_1.asCaller()))
                .andExpect(header().string("ETag", "\"0\"")).andExpect(jsonPath("$.title").value("Valid"));
        for (String[] param : new String[][] {{"status", "DONEISH"}, {"dueBefore", "soon"}, {"dueFrom", "2026-02-30"}}) {
            mvc.perform(get("/api/v1/tasks").param(param[0], param[1]).with(REP_EAST_1.asCaller()))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PARAMETER"));
        }
        mvc.perform(get("/api/v1/tasks/overdue").param("size", "201").with(REP_EAST_1.asCaller()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PAGE"));
        mvc.perform(get("/api/v1/tasks").param("sort", "assigneeId").with(REP_EAST_1.asCaller()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_SORT"));
        mvc.perform(get("/api/v1/tasks/" + UUID.randomUUID()).with(REP_EAST_1.asCaller()))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
    }
}

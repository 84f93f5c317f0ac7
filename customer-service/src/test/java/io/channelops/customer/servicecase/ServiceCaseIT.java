package io.channelops.customer.servicecase;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.customer.TestCustomers;
import io.channelops.platform.test.UserDirectoryFeed;
import io.channelops.events.Topics;
import io.channelops.events.customer.CaseClosed;
import io.channelops.events.customer.CaseOpened;
import io.channelops.events.customer.CustomersMerged;
import io.channelops.platform.test.Caller;
import io.channelops.platform.test.Callers;
import io.channelops.platform.test.EventProbe;
import io.channelops.platform.test.ServiceIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Service cases: SLA deadlines and breaches, the life cycle and its history, events, satisfaction, scope, merges. */
@ServiceIntegrationTest
class ServiceCaseIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    CaseSettings settings;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    TestCustomers customers;

    @BeforeEach
    void setUp() {
        customers = new TestCustomers(mvc, jdbc, json);
        UserDirectoryFeed.register(jdbc, REP_EAST_1_B, REP_WEST_1);
    }

    private JsonNode open(String customerId, Caller caller, CasePriority priority) throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/customers/" + customerId + "/cases").with(caller.asCaller())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("category", "COMPLAINT", "priority", priority.name(),
                                "subject", "Damaged pallets", "description", "Three pallets arrived crushed"))))
                .andExpect(status().isCreated()).andReturn();
        JsonNode opened = json.readTree(result.getResponse().getContentAsString());
        assertThat(result.getResponse().getHeader("Location"))
                .isEqualTo("/api/v1/cases/" + opened.get("id").asString());
        return opened;
    }

    private String openId(String customerId, CasePriority priority) throws Exception {
        return open(customerId, REP_EAST_1, priority).get("id").asString();
    }

    private ResultActions act(String caseId, String action, Caller caller, @Nullable String body) throws Exception {
        var request = post("/api/v1/cases/" + caseId + "/" + action).with(caller.asCaller());
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request);
    }

    private JsonNode read(String caseId) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/cases/" + caseId)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
    }

    private Set<String> ids(String path, Caller caller, String... params) throws Exception {
        var request = get(path).with(caller.asCaller()).param("size", "200");
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        JsonNode page = json.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        return Set.copyOf(page.get("content").findValuesAsString("id"));
    }

    @Test
    void aCaseGetsTheDeadlinesOfItsPriorityAndPublishesCaseOpened() throws Exception {
        String customer = customers.of(REP_EAST_1, "SLA customer");
        for (CasePriority priority : CasePriority.values()) {
            JsonNode opened = open(customer, REP_EAST_1, priority);
            Instant openedAt = Instant.parse(opened.get("openedAt").asString());
            assertThat(Duration.between(openedAt, Instant.parse(opened.get("firstResponseDueAt").asString())))
                    .as("first response of %s", priority).isEqualTo(settings.of(priority).firstResponse());
            assertThat(Duration.between(openedAt, Instant.parse(opened.get("resolutionDueAt").asString())))
                    .as("resolution of %s", priority).isEqualTo(settings.of(priority).resolution());
            assertThat(opened.get("status").asString()).isEqualTo("OPEN");
            assertThat(opened.get("ownerId").asString()).isEqualTo(REP_EAST_1.id());
            assertThat(opened.get("orgPath").asString()).isEqualTo(Callers.EAST_1);
            assertThat(opened.get("firstResponseBreached").asBoolean()).isFalse();
        }
        // the documented defaults are the ones in force
        assertThat(settings.of(CasePriority.URGENT).firstResponse()).isEqualTo(Duration.ofHours(1));
        assertThat(settings.of(CasePriority.NORMAL).resolution()).isEqualTo(Duration.ofDays(3));

        JsonNode urgent = open(customer, REP_EAST_1, CasePriority.URGENT);
        String id = urgent.get("id").asString();
        CaseOpened event = EventProbe.payload(EventProbe.await(Topics.CUSTOMER_CASES, r -> id.equals(r.key()),
                Duration.ofSeconds(30)), CaseOpened.class);
        assertThat(event).isEqualTo(new CaseOpened(id, customer, "COMPLAINT", "URGENT", "Damaged pallets",
                Instant.parse(urgent.get("openedAt").asString()),
                Instant.parse(urgent.get("firstResponseDueAt").asString()),
                Instant.parse(urgent.get("resolutionDueAt").asString()), REP_EAST_1.id(), Callers.EAST_1));
    }

    @Test
    void aCaseGoesThroughItsLifeCycleWithAHistoryRowForEveryStep() throws Exception {
        String customer = customers.of(REP_EAST_1, "Life cycle");
        String id = openId(customer, CasePriority.HIGH);
        act(id, "start", REP_EAST_1, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_PROGRESS"))
                // the opener's own steps are no response to the customer
                .andExpect(jsonPath("$.firstRespondedAt").doesNotExist());
        mvc.perform(post("/api/v1/cases/" + id + "/comments").with(MANAGER_EAST_1.asCaller())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"Replacement approved\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("COMMENTED"))
                .andExpect(jsonPath("$.note").value("Replacement approved"));
        JsonNode commented = read(id);
        assertThat(commented.get("firstRespondedAt").isNull()).isFalse();
        act(id, "resolve", REP_EAST_1, "{\"resolution\":\"Replacement shipped\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RESOLVED"))
                .andExpect(jsonPath("$.resolution").value("Replacement shipped"))
                .andExpect(jsonPath("$.firstRespondedAt").value(commented.get("firstRespondedAt").asString()));
        act(id, "reopen", REP_EAST_1, "{\"note\":\"Wrong colour delivered\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REOPENED"))
                .andExpect(jsonPath("$.resolvedAt").doesNotExist());
        act(id, "start", REP_EAST_1, "{}").andExpect(status().isOk());
        act(id, "resolve", REP_EAST_1, "{\"resolution\":\"Right colour shipped\"}").andExpect(status().isOk());
        act(id, "close", REP_EAST_1, "{\"satisfactionScore\":4}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.satisfactionScore").value(4))
                .andExpect(jsonPath("$.closedAt").exists());

        CaseClosed closed = EventProbe.payload(EventProbe.await(Topics.CUSTOMER_CASES,
                r -> id.equals(r.key()) && r.value().contains("\"satisfactionScore\""), Duration.ofSeconds(30)),
                CaseClosed.class);
        assertThat(closed.satisfactionScore()).isEqualTo(4);
        assertThat(closed.resolution()).isEqualTo("Right colour shipped");
        assertThat(closed.resolutionSlaBreached()).isFalse();
        assertThat(closed.priority()).isEqualTo("HIGH");
        assertThat(closed.customerId()).isEqualTo(customer);
        assertThat(closed.ownerId()).isEqualTo(REP_EAST_1.id());

        JsonNode history = json.readTree(mvc.perform(get("/api/v1/cases/" + id + "/history")
                .with(REP_EAST_1.asCaller())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).get("content");
        List<String> steps = new ArrayList<>();
        history.forEach(row -> steps.add(row.get("kind").asString() + " " + row.path("fromStatus").asString("-")
                + ">" + row.path("toStatus").asString("-") + " " + row.get("actorId").asString()));
        assertThat(steps).containsExactly(
                "OPENED ->OPEN " + REP_EAST_1.id(),
                "STATUS_CHANGED OPEN>IN_PROGRESS " + REP_EAST_1.id(),
                "COMMENTED ->- " + MANAGER_EAST_1.id(),
                "STATUS_CHANGED IN_PROGRESS>RESOLVED " + REP_EAST_1.id(),
                "STATUS_CHANGED RESOLVED>REOPENED " + REP_EAST_1.id(),
                "STATUS_CHANGED REOPENED>IN_PROGRESS " + REP_EAST_1.id(),
                "STATUS_CHANGED IN_PROGRESS>RESOLVED " + REP_EAST_1.id(),
                "STATUS_CHANGED RESOLVED>CLOSED " + REP_EAST_1.id());
        assertThat(history.get(4).get("note").asString()).isEqualTo("Wrong colour delivered");
        assertThat(history.get(3).get("note").asString()).isEqualTo("Replacement shipped");
    }

    @Test
    void actionsTheStatusDoesNotAllowAre409AndChangeNothing() throws Exception {
        String customer = customers.of(REP_EAST_1, "Transitions");
        String id = openId(customer, CasePriority.NORMAL);
        act(id, "close", REP_EAST_1, null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ILLEGAL_STATE_TRANSITION"));
        act(id, "reopen", REP_EAST_1, null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ILLEGAL_STATE_TRANSITION"));
        assertThat(read(id).get("version").asLong()).isZero();

        act(id, "resolve", REP_EAST_1, "{\"resolution\":\"Answered on the phone\"}").andExpect(status().isOk());
        act(id, "start", REP_EAST_1, null).andExpect(status().isConflict());
        act(id, "resolve", REP_EAST_1, "{\"resolution\":\"Again\"}").andExpect(status().isConflict());
        act(id, "close", REP_EAST_1, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.satisfactionScore").doesNotExist());
        long version = read(id).get("version").asLong();
        for (String action : List.of("start", "reopen", "close")) {
            act(id, action, REP_EAST_1, null).andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("ILLEGAL_STATE_TRANSITION"));
        }
        act(id, "resolve", REP_EAST_1, "{\"resolution\":\"x\"}").andExpect(status().isConflict());
        act(id, "assign", MANAGER_EAST_1, "{\"assigneeId\":\"" + REP_EAST_1_B.id() + "\"}")
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/cases/" + id + "/comments").with(REP_EAST_1.asCaller())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"Too late\"}"))
                .andExpect(status().isConflict());
        JsonNode after = read(id);
        assertThat(after.get("status").asString()).isEqualTo("CLOSED");
        assertThat(after.get("version").asLong()).isEqualTo(version);

        String other = openId(customer, CasePriority.NORMAL);
        mvc.perform(post("/api/v1/cases/" + other + "/start").with(REP_EAST_1.asCaller()).header("If-Match", "\"3\""))
                .andExpect(status().isPreconditionFailed()).andExpect(jsonPath("$.code").value("STALE_VERSION"));
        mvc.perform(post("/api/v1/cases/" + other + "/resolve").with(REP_EAST_1.asCaller())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"resolution\":\" \"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        mvc.perform(post("/api/v1/cases/" + other + "/start").with(REP_EAST_1.asCaller())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"CLOSED\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("UNKNOWN_FIELD"));
        assertThat(read(other).get("status").asString()).isEqualTo("OPEN");
    }

    @Test
    void aSatisfactionScoreIsOptionalAndOnlyOneToFive() throws Exception {
        String customer = customers.of(REP_EAST_1, "Satisfaction");
        String id = openId(customer, CasePriority.LOW);
        act(id, "resolve", REP_EAST_1, "{\"resolution\":\"Done\"}").andExpect(status().isOk());
        for (String body : List.of("{\"satisfactionScore\":0}", "{\"satisfactionScore\":6}",
                "{\"satisfactionScore\":-1}")) {
            act(id, "close", REP_EAST_1, body).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                    .andExpect(jsonPath("$.errors[0].field").value("satisfactionScore"));
        }
        act(id, "close", REP_EAST_1, "{\"satisfactionScore\":\"great\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_VALUE"));
        act(id, "close", REP_EAST_1, "{\"satisfactionScore\":4.5}").andExpect(status().isBadRequest());
        assertThat(read(id).get("status").asString()).isEqualTo("RESOLVED");

        act(id, "close", REP_EAST_1, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.satisfactionScore").doesNotExist());
        CaseClosed closed = EventProbe.payload(EventProbe.await(Topics.CUSTOMER_CASES,
                r -> id.equals(r.key()) && r.value().contains("\"satisfactionScore\""), Duration.ofSeconds(30)),
                CaseClosed.class);
        assertThat(closed.satisfactionScore()).as("no score").isZero();
    }

    @Test
    void breachedCasesAreListedByDeadlinePriorityAndStatusWithinTheCallersScope() throws Exception {
        String customer = customers.of(REP_EAST_1, "Breaches");
        // no first response past the deadline
        String urgentUnanswered = openId(customer, CasePriority.URGENT);
        jdbc.update("UPDATE service_cases SET first_response_due_at = TIMESTAMPADD(HOUR, -1, UTC_TIMESTAMP(6)) "
                + "WHERE id = ?", urgentUnanswered);
        // answered in time, unresolved past the resolution deadline
        String normalUnresolved = openId(customer, CasePriority.NORMAL);
        act(normalUnresolved, "start", MANAGER_EAST_1, null).andExpect(status().isOk());
        jdbc.update("UPDATE service_cases SET resolution_due_at = TIMESTAMPADD(MINUTE, -5, UTC_TIMESTAMP(6)) "
                + "WHERE id = ?", normalUnresolved);
        // within both deadlines
        String onTime = openId(customer, CasePriority.HIGH);
        // answered, but after the deadline
        String lowAnsweredLate = openId(customer, CasePriority.LOW);
        jdbc.update("UPDATE service_cases SET first_response_due_at = TIMESTAMPADD(HOUR, -2, UTC_TIMESTAMP(6)) "
                + "WHERE id = ?", lowAnsweredLate);
        mvc.perform(post("/api/v1/cases/" + lowAnsweredLate + "/comments").with(MANAGER_EAST_1.asCaller())
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"Sorry for the wait\"}"))
                .andExpect(status().isCreated());
        // resolved after its deadline and closed
        String closedLate = openId(customer, CasePriority.NORMAL);
        jdbc.update("UPDATE service_cases SET resolution_due_at = TIMESTAMPADD(HOUR, -1, UTC_TIMESTAMP(6)) "
                + "WHERE id = ?", closedLate);
        act(closedLate, "resolve", MANAGER_EAST_1, "{\"resolution\":\"Finally\"}").andExpect(status().isOk());
        act(closedLate, "close", MANAGER_EAST_1, "{\"satisfactionScore\":2}").andExpect(status().isOk())
                .andExpect(jsonPath("$.resolutionBreached").value(true));
        CaseClosed event = EventProbe.payload(EventProbe.await(Topics.CUSTOMER_CASES,
                r -> closedLate.equals(r.key()) && r.value().contains("\"satisfactionScore\""),
                Duration.ofSeconds(30)), CaseClosed.class);
        assertThat(event.resolutionSlaBreached()).isTrue();
        List<String> mine = List.of(urgentUnanswered, normalUnresolved, onTime, lowAnsweredLate, closedLate);

        String breached = "/api/v1/cases/breached";
        assertThat(ids(breached, MANAGER_EAST_1, "sort", "openedAt,desc")).containsAll(
                List.of(urgentUnanswered, normalUnresolved, lowAnsweredLate)).doesNotContain(onTime, closedLate);
        assertThat(ids(breached, MANAGER_EAST_1, "sort", "openedAt,desc", "includeClosed", "true"))
                .contains(closedLate).doesNotContain(onTime);
        assertThat(ids(breached, MANAGER_EAST_1, "sort", "openedAt,desc", "kind", "FIRST_RESPONSE"))
                .contains(urgentUnanswered, lowAnsweredLate).doesNotContain(normalUnresolved, onTime);
        assertThat(ids(breached, MANAGER_EAST_1, "sort", "openedAt,desc", "kind", "RESOLUTION"))
                .contains(normalUnresolved).doesNotContain(urgentUnanswered, lowAnsweredLate, onTime, closedLate);
        assertThat(ids(breached, MANAGER_EAST_1, "sort", "openedAt,desc", "kind", "RESOLUTION",
                "includeClosed", "true")).contains(normalUnresolved, closedLate);
        assertThat(ids(breached, MANAGER_EAST_1, "sort", "openedAt,desc", "priority", "URGENT"))
                .contains(urgentUnanswered).doesNotContain(normalUnresolved, lowAnsweredLate);
        assertThat(ids(breached, REP_EAST_1, "sort", "openedAt,desc")).contains(urgentUnanswered);
        assertThat(ids(breached, REP_WEST_1, "sort", "openedAt,desc")).doesNotContainAnyElementsOf(mine);
        assertThat(ids(breached, MANAGER_WEST, "sort", "openedAt,desc")).doesNotContainAnyElementsOf(mine);

        assertThat(ids("/api/v1/cases", MANAGER_EAST_1, "customerId", customer, "breached", "true"))
                .containsExactlyInAnyOrder(urgentUnanswered, normalUnresolved, lowAnsweredLate, closedLate);
        assertThat(ids("/api/v1/cases", MANAGER_EAST_1, "customerId", customer, "breached", "false"))
                .containsExactly(onTime);

        mvc.perform(get("/api/v1/cases/" + urgentUnanswered))
                .andExpect(jsonPath("$.firstResponseBreached").value(true))
                .andExpect(jsonPath("$.resolutionBreached").value(false));
        mvc.perform(get("/api/v1/cases/" + lowAnsweredLate))
                .andExpect(jsonPath("$.firstResponseBreached").value(true));
        mvc.perform(get("/api/v1/cases/" + normalUnresolved))
                .andExpect(jsonPath("$.firstResponseBreached").value(false))
                .andExpect(jsonPath("$.resolutionBreached").value(true));
        mvc.perform(get(breached).param("kind", "LATE")).andExpect(status().isBadRequest());
    }

    @Test
    void aCaseIsSeenByWhoeverSeesItsCustomerItsOwnerAtOpeningAndItsAssignee() throws Exception {
        String customer = customers.of(REP_EAST_1, "Scoped cases");
        String id = openId(customer, CasePriority.NORMAL);

        mvc.perform(get("/api/v1/cases/" + id).with(REP_EAST_1_B.asCaller())).andExpect(status().isNotFound());
        act(id, "start", REP_EAST_1_B, null).andExpect(status().isNotFound());
        assertThat(ids("/api/v1/cases", REP_EAST_1_B)).doesNotContain(id);
        mvc.perform(post("/api/v1/customers/" + customer + "/cases").with(REP_WEST_1.asCaller())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"category\":\"FEEDBACK\","
                                + "\"priority\":\"LOW\",\"subject\":\"s\",\"description\":\"d\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/cases").param("customerId", customer).with(REP_WEST_1.asCaller()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/cases/" + id + "/history").with(REP_WEST_1.asCaller()))
                .andExpect(status().isNotFound());
        assertThat(ids("/api/v1/cases", MANAGER_EAST, "customerId", customer)).containsExactly(id);

        // assigning: within the assigner's subtree, and the assignee sees and works the case from then on
        act(id, "assign", REP_EAST_1, "{\"assigneeId\":\"" + REP_EAST_1_B.id() + "\"}")
                .andExpect(status().isForbidden());
        act(id, "assign", MANAGER_EAST_1, "{\"assigneeId\":\"" + REP_WEST_1.id() + "\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("ASSIGNEE_OUT_OF_SCOPE"));
        act(id, "assign", MANAGER_EAST_1, "{\"assigneeId\":\"u-nobody\"}")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("UNKNOWN_ASSIGNEE"));
        act(id, "assign", MANAGER_EAST_1, "{\"assigneeId\":\"" + REP_EAST_1_B.id() + "\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.assigneeId").value(REP_EAST_1_B.id()));
        assertThat(ids("/api/v1/cases", REP_EAST_1_B, "assigneeId", REP_EAST_1_B.id())).contains(id);
        act(id, "start", REP_EAST_1_B, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.firstRespondedAt").exists());

        // the customer moves to region west: its new owner and their manager see the case; so does its opener
        String other = openId(customer, CasePriority.LOW);
        UserDirectoryFeed.register(jdbc, REP_WEST_1);
        mvc.perform(post("/api/v1/customers/" + customer + "/assign").with(DIRECTOR.asCaller())
                        .header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ownerId\":\"" + REP_WEST_1.id() + "\",\"reason\":\"Moved west\"}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/cases/" + other).with(REP_WEST_1.asCaller())).andExpect(status().isOk());
        mvc.perform(get("/api/v1/cases/" + other).with(MANAGER_WEST.asCaller())).andExpect(status().isOk());
        mvc.perform(get("/api/v1/cases/" + other).with(REP_EAST_1.asCaller())).andExpect(status().isOk())
                .andExpect(jsonPath("$.ownerId").value(REP_EAST_1.id()));
        assertThat(ids("/api/v1/cases", REP_WEST_1)).contains(id, other);
        assertThat(ids("/api/v1/cases", REP_EAST_1)).contains(id, other);
        assertThat(ids("/api/v1/cases", Callers.REP_EAST_2)).doesNotContain(id, other);
    }

    @Test
    void mergingCustomersMovesTheMergedOnesCasesAndOwnershipHistoryToTheSurvivor() throws Exception {
        String survivor = customers.of(REP_EAST_1, "Survivor");
        String merged = customers.of(REP_EAST_1, "Merged");
        String survivorCase = openId(survivor, CasePriority.LOW);
        String mergedCase = openId(merged, CasePriority.HIGH);
        mvc.perform(post("/api/v1/customers/" + merged + "/release-to-pool").with(MANAGER_EAST_1.asCaller())
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Before the merge\"}"))
                .andExpect(status().isOk());

        new TransactionTemplate(transactions).executeWithoutResult(tx -> events.publishEvent(new CustomersMerged(
                survivor, merged, "MERGED-CODE", MANAGER_EAST_1.id(), Instant.now(), REP_EAST_1.id(),
                Callers.EAST_1)));

        assertThat(jdbc.queryForList("SELECT id FROM service_cases WHERE customer_id = ?", String.class, survivor))
                .containsExactlyInAnyOrder(survivorCase, mergedCase);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM service_cases WHERE customer_id = ?", Long.class,
                merged)).isZero();
        assertThat(customers.historyRows(survivor, "RELEASED_TO_POOL")).isEqualTo(1);
        assertThat(customers.historyRows(merged, "%")).isZero();
        assertThat(ids("/api/v1/cases", REP_EAST_1, "customerId", survivor))
                .containsExactlyInAnyOrder(survivorCase, mergedCase);
    }
}

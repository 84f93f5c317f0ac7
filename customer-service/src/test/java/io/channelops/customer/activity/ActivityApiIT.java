package io.channelops.customer.activity;

import static io.channelops.platform.test.Callers.DIRECTOR;
import static io.channelops.platform.test.Callers.MANAGER_EAST;
import static io.channelops.platform.test.Callers.MANAGER_EAST_1;
import static io.channelops.platform.test.Callers.MANAGER_EAST_2;
import static io.channelops.platform.test.Callers.REP_EAST_1;
import static io.channelops.platform.test.Callers.REP_EAST_1_B;
import static io.channelops.platform.test.Callers.REP_WEST_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.customer.EngagementFixtures;
import io.channelops.platform.test.UserDirectoryFeed;
import io.channelops.events.Topics;
import io.channelops.events.customer.ActivityLogged;
import io.channelops.events.customer.CustomersMerged;
import io.channelops.platform.test.Caller;
import io.channelops.platform.test.EventProbe;
import io.channelops.platform.test.ServiceIntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Activities: logging with validation and the ActivityLogged event, lists, scope, follow-ups and corrections. */
@ServiceIntegrationTest
class ActivityApiIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    ActivityService activities;

    EngagementFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new EngagementFixtures(mvc, json);
    }

    private static String path(String customerId) {
        return "/api/v1/customers/" + customerId + "/activities";
    }

    private ResultActions log(Caller caller, String customerId, String body) throws Exception {
        return mvc.perform(post(path(customerId)).with(caller.asCaller()).contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private static Instant ago(long amount, ChronoUnit unit) {
        return Instant.now().minus(amount, unit).truncatedTo(ChronoUnit.MILLIS);
    }

    private long activitiesOf(String customerId) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM activities WHERE customer_id = ?", Long.class,
                customerId);
        return count == null ? 0 : count;
    }

    @Test
    void logsAVisitAsTheCallerForTheCustomersOwnerAndPublishesActivityLogged() throws Exception {
        String customer = fixtures.customerOf(REP_EAST_1);
        String buyer = fixtures.contactNamed(REP_EAST_1, customer, "Buyer");
        String boss = fixtures.contactNamed(REP_EAST_1, customer, "Boss");
        Instant occurred = ago(2, ChronoUnit.HOURS);
        MvcResult result = log(MANAGER_EAST_1, customer, """
                {"type":"VISIT","occurredAt":"%s","subject":"Quarterly review","details":"Walked the floor",
                 "outcome":"Spring order expected","nextStep":"Send the price list","durationMinutes":90,
                 "location":"Pudong store","purpose":"Business review","contactIds":["%s","%s","%s"]}"""
                .formatted(occurred, buyer, boss, buyer))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.customerId").value(customer))
                .andExpect(jsonPath("$.type").value("VISIT"))
                .andExpect(jsonPath("$.occurredAt").value(occurred.toString()))
                .andExpect(jsonPath("$.loggedBy").value(MANAGER_EAST_1.id()))
                .andExpect(jsonPath("$.ownerId").value(REP_EAST_1.id()))
                .andExpect(jsonPath("$.orgPath").value("/hq/east/team-1"))
                .andExpect(jsonPath("$.durationMinutes").value(90))
                .andExpect(jsonPath("$.contactIds.length()").value(2))
                .andExpect(jsonPath("$.followUpTaskId").doesNotExist())
                .andReturn();
        JsonNode activity = json.readTree(result.getResponse().getContentAsString());
        String id = activity.get("id").asString();
        assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/v1/activities/" + id);

        ActivityLogged logged = EventProbe.payload(EventProbe.await(Topics.CUSTOMER_ACTIVITIES,
                r -> id.equals(r.key()), Duration.ofSeconds(30)), ActivityLogged.class);
        assertThat(logged).isEqualTo(new ActivityLogged(id, customer, "VISIT", occurred, MANAGER_EAST_1.id(), 90,
                "Spring order expected", Instant.parse(activity.get("loggedAt").asString()), REP_EAST_1.id(),
                "/hq/east/team-1"));

        String call = log(REP_EAST_1, customer, """
                {"type":"CALL","occurredAt":"%s","subject":"Quick call"}""".formatted(ago(5, ChronoUnit.MINUTES)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.durationMinutes").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        String callId = json.readTree(call).get("id").asString();
        var record = EventProbe.await(Topics.CUSTOMER_ACTIVITIES, r -> callId.equals(r.key()), Duration.ofSeconds(30));
        assertThat(EventProbe.header(record, "ce_type")).isEqualTo("io.channelops.customer.ActivityLogged");
        ActivityLogged quick = EventProbe.payload(record, ActivityLogged.class);
        assertThat(quick.durationMinutes()).isZero();
        assertThat(quick.outcome()).isEmpty();
        assertThat(quick.loggedBy()).isEqualTo(REP_EAST_1.id());
    }

    @Test
    void refusesActivitiesInTheFutureWithForeignContactsOrOutOfBoundsFieldsAndWritesNothing() throws Exception {
        String customer = fixtures.customerOf(REP_EAST_1);
        String foreign = fixtures.contactNamed(REP_EAST_1, fixtures.customerOf(REP_EAST_1), "Someone else's");
        Instant now = Instant.now();
        record Case(String body, int status, String code) {
        }
        String base = "\"type\":\"CALL\",\"subject\":\"S\",\"occurredAt\":\"" + ago(1, ChronoUnit.HOURS) + "\"";
        List<Case> cases = List.of(
                new Case("{\"type\":\"CALL\",\"subject\":\"S\",\"occurredAt\":\"" + now.plus(10, ChronoUnit.MINUTES)
                        + "\"}", 422, "OCCURRED_AT_IN_FUTURE"),
                new Case("{\"type\":\"CALL\",\"subject\":\"S\",\"occurredAt\":\"1999-12-31T23:59:59Z\"}", 422,
                        "OCCURRED_AT_OUT_OF_RANGE"),
                new Case("{" + base + ",\"contactIds\":[\"" + foreign + "\"]}", 422, "CONTACT_NOT_OF_CUSTOMER"),
                new Case("{" + base + ",\"contactIds\":[\"no-such-contact\"]}", 422, "CONTACT_NOT_OF_CUSTOMER"),
                new Case("{" + base + ",\"followUpOn\":\"" + LocalDate.now().plusDays(3) + "\"}", 422,
                        "FOLLOW_UP_WITHOUT_NEXT_STEP"),
                new Case("{" + base + ",\"nextStep\":\"Call back\",\"followUpOn\":\"" + LocalDate.now().minusDays(3)
                        + "\"}", 422, "FOLLOW_UP_OUT_OF_RANGE"),
                new Case("{" + base + ",\"durationMinutes\":1441}", 400, "VALIDATION_FAILED"),
                new Case("{" + base + ",\"durationMinutes\":-1}", 400, "VALIDATION_FAILED"),
                new Case("{" + base + ",\"durationMinutes\":1.5}", 400, "INVALID_VALUE"),
                new Case("{" + base + ",\"outcome\":\"" + "x".repeat(1001) + "\"}", 400, "VALIDATION_FAILED"),
                new Case("{\"type\":\"CALL\",\"subject\":\"" + "x".repeat(201) + "\",\"occurredAt\":\"" + now + "\"}",
                        400, "VALIDATION_FAILED"),
                new Case("{\"type\":\"CALL\",\"subject\":\"  \",\"occurredAt\":\"" + now + "\"}", 400,
                        "VALIDATION_FAILED"),
                new Case("{\"subject\":\"S\",\"occurredAt\":\"" + now + "\"}", 400, "VALIDATION_FAILED"),
                new Case("{\"type\":\"LUNCH\",\"subject\":\"S\",\"occurredAt\":\"" + now + "\"}", 400,
                        "INVALID_VALUE"),
                new Case("{\"type\":\"CALL\",\"subject\":\"S\",\"occurredAt\":\"yesterday\"}", 400, "INVALID_VALUE"),
                new Case("{" + base + ",\"loggedBy\":\"u-someone-else\"}", 400, "UNKNOWN_FIELD"),
                new Case("{" + base + ",\"contactIds\":[" + "\"c\",".repeat(20) + "\"c\"]}", 400,
                        "VALIDATION_FAILED"),
                new Case("{" + base, 400, "MALFORMED_JSON"));
        for (Case c : cases) {
            log(REP_EAST_1, customer, c.body())
                    .andExpect(status().is(c.status()))
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value(c.code()));
        }
        assertThat(activitiesOf(customer)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tasks WHERE customer_id = ?", Long.class, customer))
                .isZero();

        // a client's clock may run a little ahead
        log(REP_EAST_1, customer, "{\"type\":\"NOTE\",\"subject\":\"S\",\"occurredAt\":\""
                + now.plus(2, ChronoUnit.MINUTES) + "\",\"durationMinutes\":1440}")
                .andExpect(status().isCreated());
        assertThat(activitiesOf(customer)).isEqualTo(1);
    }

    @Test
    void listsACustomersActivitiesNewestFirstByTypeAndTime() throws Exception {
        String customer = fixtures.customerOf(REP_EAST_1);
        for (String[] a : new String[][] {{"CALL", "3"}, {"VISIT", "2"}, {"EMAIL", "5"}, {"VISIT", "1"}}) {
            log(REP_EAST_1, customer, """
                    {"type":"%s","occurredAt":"%s","subject":"%s days ago"}"""
                    .formatted(a[0], ago(Long.parseLong(a[1]), ChronoUnit.DAYS), a[1]))
                    .andExpect(status().isCreated());
        }
        fixtures.call(REP_EAST_1, fixtures.customerOf(REP_EAST_1));
        mvc.perform(get(path(customer)).with(REP_EAST_1.asCaller())).andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(4))
                .andExpect(jsonPath("$.content[*].subject").value(org.hamcrest.Matchers.contains(
                        "1 days ago", "2 days ago", "3 days ago", "5 days ago")));
        mvc.perform(get(path(customer)).param("type", "VISIT").with(REP_EAST_1.asCaller()))
                .andExpect(jsonPath("$.content[*].subject").value(org.hamcrest.Matchers.contains(
                        "1 days ago", "2 days ago")));
        mvc.perform(get(path(customer)).param("from", ago(4, ChronoUnit.DAYS).toString())
                        .param("to", ago(36, ChronoUnit.HOURS).toString()).with(REP_EAST_1.asCaller()))
                .andExpect(jsonPath("$.content[*].subject").value(org.hamcrest.Matchers.contains(
                        "2 days ago", "3 days ago")));
        mvc.perform(get(path(customer)).param("sort", "occurredAt,asc").param("size", "1")
                        .with(REP_EAST_1.asCaller()))
                .andExpect(jsonPath("$.content[0].subject").value("5 days ago"))
                .andExpect(jsonPath("$.page.totalPages").value(4));
        mvc.perform(get(path(customer)).param("from", ago(1, ChronoUnit.DAYS).toString())
                        .param("to", ago(2, ChronoUnit.DAYS).toString()).with(REP_EAST_1.asCaller()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_TIME_RANGE"));
        mvc.perform(get(path(customer)).param("from", "last week").with(REP_EAST_1.asCaller()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PARAMETER"));
        mvc.perform(get(path(customer)).param("sort", "subject").with(REP_EAST_1.asCaller()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_SORT"));

        // the integrator's window query: [from, to), newest first, limited
        assertThat(activities.between(customer, ago(4, ChronoUnit.DAYS), Instant.now(), 10))
                .extracting(Activity::subject).containsExactly("1 days ago", "2 days ago", "3 days ago");
        assertThat(activities.between(customer, ago(10, ChronoUnit.DAYS), Instant.now(), 1))
                .extracting(Activity::subject).containsExactly("1 days ago");
    }

    @Test
    void acrossCustomersARepSeesActivitiesOnTheirCustomersAndAManagerThoseOfTheirTeams() throws Exception {
        String mine = fixtures.customerOf(REP_EAST_1);
        String colleagues = fixtures.customerOf(REP_EAST_1_B);
        String western = fixtures.customerOf(REP_WEST_1);
        String onMine = fixtures.call(REP_EAST_1, mine);
        String managerOnMine = fixtures.call(MANAGER_EAST_1, mine);
        String onColleagues = fixtures.call(REP_EAST_1_B, colleagues);
        String onWestern = fixtures.call(REP_WEST_1, western);

        mvc.perform(get("/api/v1/activities").param("size", "200").param("customerId", mine)
                        .with(REP_EAST_1.asCaller()))
                .andExpect(jsonPath("$.content[*].id").value(org.hamcrest.Matchers.containsInAnyOrder(onMine,
                        managerOnMine)));
        mvc.perform(get("/api/v1/activities").param("size", "200").param("loggedBy", "me")
                        .with(REP_EAST_1.asCaller()))
                .andExpect(jsonPath("$.content[*].id").value(org.hamcrest.Matchers.hasItem(onMine)))
                .andExpect(jsonPath("$.content[*].loggedBy").value(org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.is(REP_EAST_1.id()))));
        mvc.perform(get("/api/v1/activities").param("size", "200").param("customerId", colleagues)
                        .with(REP_EAST_1.asCaller()))
                .andExpect(jsonPath("$.page.totalElements").value(0));
        mvc.perform(get("/api/v1/activities").param("size", "200").param("loggedBy", "me")
                        .with(MANAGER_EAST_1.asCaller()))
                .andExpect(jsonPath("$.content[*].id").value(org.hamcrest.Matchers.hasItem(managerOnMine)));
        for (Caller manager : List.of(MANAGER_EAST_1, MANAGER_EAST, DIRECTOR)) {
            for (String[] c : new String[][] {{mine, onMine}, {colleagues, onColleagues}}) {
                mvc.perform(get("/api/v1/activities").param("customerId", c[0]).with(manager.asCaller()))
                        .andExpect(jsonPath("$.content[*].id").value(org.hamcrest.Matchers.hasItem(c[1])));
            }
        }
        mvc.perform(get("/api/v1/activities").param("customerId", western).with(MANAGER_EAST.asCaller()))
                .andExpect(jsonPath("$.page.totalElements").value(0));
        mvc.perform(get("/api/v1/activities").param("customerId", mine).with(MANAGER_EAST_2.asCaller()))
                .andExpect(jsonPath("$.page.totalElements").value(0));
        mvc.perform(get("/api/v1/activities").param("customerId", mine).param("loggedBy", REP_EAST_1.id())
                        .param("type", "CALL").with(DIRECTOR.asCaller()))
                .andExpect(jsonPath("$.content[*].id").value(org.hamcrest.Matchers.contains(onMine)));
        mvc.perform(get("/api/v1/activities").param("loggedBy", "not a user!").with(DIRECTOR.asCaller()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
    }

    @Test
    void aRepOfAnotherTeamGets404OnAnotherRepsCustomersActivities() throws Exception {
        String customer = fixtures.customerOf(REP_EAST_1);
        String activity = fixtures.call(REP_EAST_1, customer);
        for (Caller outsider : List.of(REP_EAST_1_B, REP_WEST_1, MANAGER_EAST_2)) {
            mvc.perform(get(path(customer)).with(outsider.asCaller())).andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value("NOT_FOUND"));
            log(outsider, customer, "{\"type\":\"CALL\",\"subject\":\"S\",\"occurredAt\":\"" + Instant.now() + "\"}")
                    .andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/activities/" + activity).with(outsider.asCaller()))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(get("/api/v1/activities/" + activity).with(MANAGER_EAST.asCaller())).andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\"")).andExpect(jsonPath("$.id").value(activity));
        assertThat(activitiesOf(customer)).isEqualTo(1);
    }

    @Test
    void whoMadeAVisitStillSeesItAfterTheCustomerMovedOnAndTheNewOwnerSeesTheWholeHistory() throws Exception {
        UserDirectoryFeed.register(jdbc, REP_EAST_1_B);
        String customer = fixtures.customerOf(REP_EAST_1);
        String visit = fixtures.call(REP_EAST_1, customer);
        mvc.perform(post("/api/v1/customers/" + customer + "/assign").with(MANAGER_EAST_1.asCaller())
                        .header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ownerId\":\"" + REP_EAST_1_B.id() + "\",\"reason\":\"Rebalancing\"}"))
                .andExpect(status().isOk());

        mvc.perform(get("/api/v1/activities/" + visit).with(REP_EAST_1.asCaller())).andExpect(status().isOk());
        mvc.perform(get("/api/v1/activities").param("loggedBy", "me").param("customerId", customer)
                        .with(REP_EAST_1.asCaller()))
                .andExpect(jsonPath("$.content[*].id").value(org.hamcrest.Matchers.contains(visit)));
        mvc.perform(get(path(customer)).with(REP_EAST_1.asCaller())).andExpect(status().isNotFound());

        mvc.perform(get("/api/v1/activities/" + visit).with(REP_EAST_1_B.asCaller())).andExpect(status().isOk())
                .andExpect(jsonPath("$.ownerId").value(REP_EAST_1.id()));
        mvc.perform(get(path(customer)).with(REP_EAST_1_B.asCaller())).andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].id").value(org.hamcrest.Matchers.contains(visit)));
        String next = fixtures.call(REP_EAST_1_B, customer);
        mvc.perform(get("/api/v1/activities/" + next).with(REP_EAST_1_B.asCaller())).andExpect(status().isOk())
                .andExpect(jsonPath("$.ownerId").value(REP_EAST_1_B.id()));
        mvc.perform(get("/api/v1/activities/" + next).with(REP_EAST_1.asCaller())).andExpect(status().isNotFound());
    }

    @Test
    void aNextStepWithAFollowUpDateBecomesATaskOfTheLogger() throws Exception {
        String customer = fixtures.customerOf(REP_EAST_1);
        LocalDate followUpOn = LocalDate.now(java.time.ZoneOffset.UTC).plusDays(3);
        JsonNode activity = fixtures.activity(REP_EAST_1, customer, """
                {"type":"MEETING","occurredAt":"%s","subject":"Kick-off","nextStep":"Send the draft contract",
                 "followUpOn":"%s"}""".formatted(ago(1, ChronoUnit.HOURS), followUpOn));
        String taskId = activity.get("followUpTaskId").asString();
        mvc.perform(get("/api/v1/tasks/" + taskId).with(REP_EAST_1.asCaller())).andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("Send the draft contract"))
                .andExpect(jsonPath("$.dueDate").value(followUpOn.toString()))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.assigneeId").value(REP_EAST_1.id()))
                .andExpect(jsonPath("$.orgPath").value("/hq/east/team-1"))
                .andExpect(jsonPath("$.customerId").value(customer))
                .andExpect(jsonPath("$.activityId").value(activity.get("id").asString()))
                .andExpect(jsonPath("$.createdBy").value(REP_EAST_1.id()))
                .andExpect(jsonPath("$.notes").value(org.hamcrest.Matchers.startsWith(
                        "Follow-up of the meeting \"Kick-off\"")));

        // a next step alone asks for nothing
        JsonNode plain = fixtures.activity(REP_EAST_1, customer, """
                {"type":"CALL","occurredAt":"%s","subject":"Call","nextStep":"Maybe later"}"""
                .formatted(ago(1, ChronoUnit.HOURS)));
        assertThat(plain.has("followUpTaskId")).isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tasks WHERE customer_id = ?", Long.class, customer))
                .isEqualTo(1);
    }

    @Autowired
    ActivityMerges merges;

    @Test
    void theMergeListenerMovesNothingOutsideTheMergesTransaction() {
        String survivor = fixtures.customerOf(REP_EAST_1);
        String merged = fixtures.customerOf(REP_EAST_1);
        String call = fixtures.call(REP_EAST_1, merged);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> merges.on(new CustomersMerged(survivor, merged,
                        "DUP", REP_EAST_1.id(), Instant.now(), REP_EAST_1.id(), "/hq/east/team-1")))
                .isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
        assertThat(jdbc.queryForObject("SELECT customer_id FROM activities WHERE id = ?", String.class, call))
                .isEqualTo(merged);
    }

    @Test
    void theAuthorCorrectsTheTextsOnTheDayItWasLoggedAndNobodyElseDoes() throws Exception {
        String customer = fixtures.customerOf(REP_EAST_1);
        String id = fixtures.activity(REP_EAST_1, customer, """
                {"type":"VISIT","occurredAt":"%s","subject":"Visit","location":"Wrong place","purpose":"Review",
                 "durationMinutes":30,"outcome":"Fine"}""".formatted(ago(1, ChronoUnit.HOURS))).get("id").asString();
        String correction = "{\"subject\":\"Visit at the warehouse\",\"location\":\"Warehouse\",\"purpose\":\"\"}";

        mvc.perform(patch("/api/v1/activities/" + id).with(MANAGER_EAST_1.asCaller()).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content(correction))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("NOT_ACTIVITY_AUTHOR"));
        mvc.perform(patch("/api/v1/activities/" + id).with(REP_EAST_1.asCaller())
                        .contentType(MediaType.APPLICATION_JSON).content(correction))
                .andExpect(status().isPreconditionRequired());
        mvc.perform(patch("/api/v1/activities/" + id).with(REP_EAST_1.asCaller()).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"durationMinutes\":45}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("UNKNOWN_FIELD"));
        mvc.perform(patch("/api/v1/activities/" + id).with(REP_EAST_1.asCaller()).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content(correction))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.subject").value("Visit at the warehouse"))
                .andExpect(jsonPath("$.location").value("Warehouse"))
                .andExpect(jsonPath("$.purpose").doesNotExist())
                .andExpect(jsonPath("$.durationMinutes").value(30))
                .andExpect(jsonPath("$.outcome").value("Fine"))
                .andExpect(jsonPath("$.correctedAt").exists());

        jdbc.update("UPDATE activities SET logged_at = ? WHERE id = ?",
                Timestamp.from(Instant.now().minus(1, ChronoUnit.DAYS)), id);
        mvc.perform(patch("/api/v1/activities/" + id).with(REP_EAST_1.asCaller()).header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"subject\":\"Too late\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("ACTIVITY_LOCKED"));
        mvc.perform(get("/api/v1/activities/" + id).with(REP_EAST_1.asCaller()))
                .andExpect(jsonPath("$.subject").value("Visit at the warehouse"));
    }
}

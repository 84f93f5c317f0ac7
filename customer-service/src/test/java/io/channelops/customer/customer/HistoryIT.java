package io.channelops.customer.customer;

import static io.channelops.platform.test.Callers.MANAGER_EAST_1;
import static io.channelops.platform.test.Callers.REP_EAST_1;
import static io.channelops.platform.test.Callers.REP_EAST_1_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.events.customer.ActivityLogged;
import io.channelops.platform.test.Callers;
import io.channelops.platform.test.ServiceIntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /api/v1/customers/{id}/history}: every change kept as a revision: who, when, what. */
@ServiceIntegrationTest
class HistoryIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    CustomerMother customers;

    @BeforeEach
    void setUp() {
        customers = new CustomerMother(mvc, json);
    }

    private JsonNode history(String id, String size) throws Exception {
        return customers.read(mvc.perform(get("/api/v1/customers/" + id + "/history").param("size", size)
                .with(REP_EAST_1.asCaller())).andExpect(status().isOk()));
    }

    /** field → [from, to] of one revision. */
    private static Map<String, List<JsonNode>> changes(JsonNode revision) {
        Map<String, List<JsonNode>> changes = new HashMap<>();
        for (JsonNode change : revision.get("changes")) {
            List<JsonNode> fromTo = new ArrayList<>();
            fromTo.add(change.get("from"));
            fromTo.add(change.get("to"));
            changes.put(change.get("field").asString(), fromTo);
        }
        return changes;
    }

    @Test
    void keepsTheCreationAndEachChangeWithWhoWhenAndTheFieldsThatChanged() throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String phone = CustomerMother.phone();
        String id = customers.createId(REP_EAST_1, Map.of("name", "History Ltd " + UUID.randomUUID(),
                "tags", List.of("new"), "phones", List.of(Map.of("number", phone))));
        customers.change(REP_EAST_1, id, Map.of("status", "ACTIVE", "tags", List.of("new", "vip"),
                "email", "hello@history.example")).andExpect(status().isOk());
        customers.change(MANAGER_EAST_1, id, Map.of("phones", List.of(Map.of("number", phone, "label", "mobile")),
                "email", "")).andExpect(status().isOk());
        Instant end = Instant.now();

        JsonNode page = history(id, "20");
        assertThat(page.get("page").get("totalElements").asInt()).isEqualTo(3);
        JsonNode revisions = page.get("content");
        assertThat(revisions.get(0).get("revision").asLong()).isGreaterThan(revisions.get(1).get("revision").asLong());
        assertThat(revisions.get(1).get("revision").asLong()).isGreaterThan(revisions.get(2).get("revision").asLong());
        for (JsonNode revision : revisions) {
            Instant at = Instant.parse(revision.get("at").asString());
            assertThat(at).isBetween(start, end);
        }

        JsonNode created = revisions.get(2);
        assertThat(created.get("changeType").asString()).isEqualTo("CREATED");
        assertThat(created.get("by").asString()).isEqualTo(REP_EAST_1.id());
        Map<String, List<JsonNode>> initial = changes(created);
        assertThat(initial.get("name").get(0)).isNull();
        assertThat(initial.get("name").get(1).asString()).startsWith("History Ltd");
        assertThat(initial.get("status").get(1).asString()).isEqualTo("PROSPECT");
        assertThat(initial.get("ownerId").get(1).asString()).isEqualTo(REP_EAST_1.id());
        assertThat(initial.get("tags").get(1).get(0).asString()).isEqualTo("new");
        assertThat(initial).doesNotContainKeys("email", "updatedAt", "version", "lastActivityAt");

        JsonNode changed = revisions.get(1);
        assertThat(changed.get("changeType").asString()).isEqualTo("CHANGED");
        assertThat(changed.get("by").asString()).isEqualTo(REP_EAST_1.id());
        Map<String, List<JsonNode>> second = changes(changed);
        assertThat(second).containsOnlyKeys("status", "tags", "email");
        assertThat(second.get("status").get(0).asString()).isEqualTo("PROSPECT");
        assertThat(second.get("status").get(1).asString()).isEqualTo("ACTIVE");
        assertThat(second.get("tags").get(0)).hasSize(1);
        assertThat(second.get("tags").get(1)).hasSize(2);
        assertThat(second.get("email").get(0)).isNull();

        JsonNode third = revisions.get(0);
        assertThat(third.get("by").asString()).isEqualTo(MANAGER_EAST_1.id());
        Map<String, List<JsonNode>> last = changes(third);
        assertThat(last).containsOnlyKeys("phones", "email");
        assertThat(last.get("phones").get(1).get(0).get("label").asString()).isEqualTo("mobile");
        assertThat(last.get("email").get(0).asString()).isEqualTo("hello@history.example");
        assertThat(last.get("email").get(1)).isNull();

        JsonNode firstPage = history(id, "1");
        assertThat(firstPage.get("content")).hasSize(1);
        assertThat(firstPage.get("content").get(0).get("revision").asLong())
                .isEqualTo(third.get("revision").asLong());
        assertThat(changes(firstPage.get("content").get(0))).containsOnlyKeys("phones", "email");
        assertThat(firstPage.get("page").get("totalPages").asInt()).isEqualTo(3);
    }

    @Test
    void attributesAreComparedKeyByKey() throws Exception {
        String key = "hist_" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/api/v1/customer-attributes").with(Callers.ADMIN.asCaller())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"key\":\"" + key + "\",\"label\":\"Credit days\",\"type\":\"NUMBER\"}"))
                .andExpect(status().isCreated());
        String id = customers.createId(REP_EAST_1, Map.of("attributes", Map.of(key, 30)));
        customers.change(REP_EAST_1, id, Map.of("attributes", Map.of(key, 45.0))).andExpect(status().isOk());
        Map<String, List<JsonNode>> change = changes(history(id, "1").get("content").get(0));
        assertThat(change).containsOnlyKeys("attributes." + key);
        assertThat(change.get("attributes." + key).get(0).asString()).isEqualTo("30");
        assertThat(change.get("attributes." + key).get(1).asString()).isEqualTo("45");
    }

    @Test
    void aCustomerOutsideTheCallersScopeHasNoHistoryToShow() throws Exception {
        String id = customers.createId(REP_EAST_1, Map.of());
        mvc.perform(get("/api/v1/customers/" + id + "/history").with(REP_EAST_1_B.asCaller()))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
    }

    @Test
    void aLoggedActivityMovesLastActivityForwardWithoutARevisionOrANewVersion() throws Exception {
        String id = customers.createId(REP_EAST_1, Map.of());
        Instant visit = Instant.parse("2026-02-03T09:30:00Z");
        log(id, visit);
        assertThat(customers.get(REP_EAST_1, id).get("lastActivityAt").asString()).isEqualTo(visit.toString());
        log(id, visit.minus(5, ChronoUnit.DAYS));
        JsonNode customer = customers.get(REP_EAST_1, id);
        assertThat(customer.get("lastActivityAt").asString()).as("an older activity does not move it back")
                .isEqualTo(visit.toString());
        assertThat(customer.get("version").asLong()).isZero();
        assertThat(history(id, "20").get("page").get("totalElements").asInt()).isEqualTo(1);
        // and the search can use it
        customers.read(mvc.perform(get("/api/v1/customers").param("lastActivityAfter", "2026-02-03T00:00:00Z")
                        .param("q", customer.get("code").asString()).with(REP_EAST_1.asCaller()))
                .andExpect(jsonPath("$.content[0].id").value(id)));
        mvc.perform(get("/api/v1/customers").param("lastActivityBefore", "2026-02-03T00:00:00Z")
                        .param("q", customer.get("code").asString()).with(REP_EAST_1.asCaller()))
                .andExpect(jsonPath("$.page.totalElements").value(0));
    }

    private void log(String customerId, Instant occurredAt) {
        transactions.executeWithoutResult(status -> events.publishEvent(new ActivityLogged(
                UUID.randomUUID().toString(), customerId, "VISIT", occurredAt, REP_EAST_1.id(), 30, "Order promised",
                occurredAt.plusSeconds(60), REP_EAST_1.id(), Callers.EAST_1)));
    }
}

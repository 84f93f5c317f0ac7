package io.channelops.customer;

import static io.channelops.platform.test.Callers.REP_EAST_1;
import static org.assertj.core.api.Assertions.assertThat;

import io.channelops.events.customer.CustomersMerged;
import io.channelops.platform.test.ServiceIntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A merge of two customers ({@link CustomersMerged}, raised in the merge's transaction before the duplicate is
 * deleted) moves the duplicate's contacts, activities and tasks to the surviving customer in that transaction.
 */
@ServiceIntegrationTest
class EngagementMergeIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    EngagementFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new EngagementFixtures(mvc, json);
    }

    /** What the merge use case does: raise the event, then delete the duplicate, in one transaction. */
    private void merge(String survivor, String merged) {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            events.publishEvent(new CustomersMerged(survivor, merged, "DUP", REP_EAST_1.id(), Instant.now(),
                    REP_EAST_1.id(), "/hq/east/team-1"));
            jdbc.update("DELETE FROM customers WHERE id = ?", merged);
        });
    }

    private Map<String, Boolean> contactsOf(String customerId) {
        Map<String, Boolean> contacts = new java.util.HashMap<>();
        jdbc.query("SELECT id, is_primary FROM contacts WHERE customer_id = ?",
                rs -> { contacts.put(rs.getString(1), rs.getBoolean(2)); }, customerId);
        return contacts;
    }

    private List<String> ids(String table, String customerId) {
        return jdbc.queryForList("SELECT id FROM " + table + " WHERE customer_id = ?", String.class, customerId);
    }

    @Test
    void contactsActivitiesAndTasksMoveToTheSurvivorWhosePrimaryContactStaysPrimary() {
        String survivor = fixtures.customerOf(REP_EAST_1, "Survivor");
        String merged = fixtures.customerOf(REP_EAST_1, "Duplicate");
        String survivorsPrimary = fixtures.contact(REP_EAST_1, survivor, "{\"name\":\"S1\",\"primary\":true}")
                .get("id").asString();
        String mergedPrimary = fixtures.contact(REP_EAST_1, merged, "{\"name\":\"M1\",\"primary\":true}")
                .get("id").asString();
        String mergedOther = fixtures.contactNamed(REP_EAST_1, merged, "M2");
        String survivorsCall = fixtures.call(REP_EAST_1, survivor);
        String mergedCall = fixtures.call(REP_EAST_1, merged);
        String mergedVisit = fixtures.activity(REP_EAST_1, merged, """
                {"type":"VISIT","occurredAt":"%s","subject":"Visit","contactIds":["%s"],"nextStep":"Call back",
                 "followUpOn":"%s"}""".formatted(Instant.now().minusSeconds(600), mergedOther,
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(2))).get("id").asString();
        String mergedTask = fixtures.task(REP_EAST_1, "{\"title\":\"T\",\"dueDate\":\""
                + java.time.LocalDate.now(java.time.ZoneOffset.UTC) + "\",\"customerId\":\"" + merged + "\"}")
                .get("id").asString();
        List<String> mergedTasks = ids("tasks", merged);
        assertThat(mergedTasks).hasSize(2).contains(mergedTask);

        merge(survivor, merged);

        assertThat(contactsOf(survivor)).isEqualTo(Map.of(survivorsPrimary, true, mergedPrimary, false,
                mergedOther, false));
        assertThat(ids("activities", survivor)).containsExactlyInAnyOrder(survivorsCall, mergedCall, mergedVisit);
        assertThat(ids("tasks", survivor)).containsExactlyInAnyOrderElementsOf(mergedTasks);
        assertThat(jdbc.queryForObject("SELECT contact_id FROM activity_contacts WHERE activity_id = ?",
                String.class, mergedVisit)).isEqualTo(mergedOther);
        assertThat(ids("contacts", merged)).isEmpty();
        assertThat(ids("activities", merged)).isEmpty();
        assertThat(ids("tasks", merged)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customers WHERE id = ?", Long.class, merged)).isZero();
    }

    @Test
    void theDuplicatesPrimaryContactStaysPrimaryWhenTheSurvivorHasNone() {
        String survivor = fixtures.customerOf(REP_EAST_1, "Survivor without primary");
        String merged = fixtures.customerOf(REP_EAST_1, "Duplicate with primary");
        String ordinary = fixtures.contactNamed(REP_EAST_1, survivor, "S1");
        String mergedPrimary = fixtures.contact(REP_EAST_1, merged, "{\"name\":\"M1\",\"primary\":true}")
                .get("id").asString();

        merge(survivor, merged);

        assertThat(contactsOf(survivor)).isEqualTo(Map.of(ordinary, false, mergedPrimary, true));
    }
}

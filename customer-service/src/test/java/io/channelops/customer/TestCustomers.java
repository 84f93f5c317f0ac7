package io.channelops.customer;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.platform.test.Caller;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

/** Customers for tests, registered through the API (the caller owns them), and aged or moved with SQL. */
public final class TestCustomers {

    private final MockMvc mvc;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    public TestCustomers(MockMvc mvc, JdbcTemplate jdbc, JsonMapper json) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.json = json;
    }

    public static String uniqueCode(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** A new prospect owned by {@code owner} in their org unit; returns its id. */
    public String of(Caller owner, String name) {
        try {
            MvcResult result = mvc.perform(post("/api/v1/customers").with(owner.asCaller())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"code\":\"" + uniqueCode("P") + "\",\"name\":\"" + name
                                    + "\",\"type\":\"DEALER\",\"regionCode\":\"EAST\"}"))
                    .andExpect(status().isCreated()).andReturn();
            return json.readTree(result.getResponse().getContentAsString()).get("id").asString();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot register a test customer", e);
        }
    }

    /** Puts the customer straight into the open pool of the org unit it lives in (test set-up, no history). */
    public void intoPool(String id) {
        jdbc.update("UPDATE customers SET owner_id = 'pool' WHERE id = ?", id);
    }

    /** Moves the customer's creation (and so its last touch, unless it has others) {@code days} into the past. */
    public void createdDaysAgo(String id, int days) {
        jdbc.update("UPDATE customers SET created_at = TIMESTAMPADD(DAY, ?, UTC_TIMESTAMP(6)) WHERE id = ?", -days,
                id);
    }

    public void lastActivityDaysAgo(String id, int days) {
        jdbc.update("UPDATE customers SET last_activity_at = TIMESTAMPADD(DAY, ?, UTC_TIMESTAMP(6)) WHERE id = ?",
                -days, id);
    }

    public void lastOrderDaysAgo(String id, int days) {
        jdbc.update("UPDATE customers SET last_order_at = TIMESTAMPADD(DAY, ?, UTC_TIMESTAMP(6)) WHERE id = ?", -days,
                id);
    }

    public void setStatus(String id, String status) {
        jdbc.update("UPDATE customers SET status = ? WHERE id = ?", status, id);
    }

    public String owner(String id) {
        return jdbc.queryForObject("SELECT owner_id FROM customers WHERE id = ?", String.class, id);
    }

    public String orgPath(String id) {
        return jdbc.queryForObject("SELECT org_path FROM customers WHERE id = ?", String.class, id);
    }

    /** History rows of the customer, optionally of one kind. */
    public long historyRows(String id, String kind) {
        Long count = jdbc.queryForObject(
                "SELECT COUNT(*) FROM customer_assignments WHERE customer_id = ? AND kind LIKE ?", Long.class, id,
                kind);
        return count == null ? 0 : count;
    }

    /** Outbox rows (published events) of an event type about an aggregate. */
    public long events(String aggregateId, String simpleType) {
        Long count = jdbc.queryForObject(
                "SELECT COUNT(*) FROM outbox_events WHERE message_key = ? AND event_type = ?", Long.class,
                aggregateId, "io.channelops.customer." + simpleType);
        return count == null ? 0 : count;
    }
}

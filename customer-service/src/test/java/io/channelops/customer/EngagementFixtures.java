package io.channelops.customer;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.platform.test.Caller;
import io.channelops.platform.test.Callers;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Small builders of customers, contacts, activities and tasks through the API, for the engagement tests. */
public final class EngagementFixtures {

    private final MockMvc mvc;
    private final JsonMapper json;

    public EngagementFixtures(MockMvc mvc, JsonMapper json) {
        this.mvc = mvc;
        this.json = json;
    }

    public static String uniqueCode() {
        return "E" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** A fresh rep in a team of their own (nobody else's records in their scope). */
    public static Caller freshRep(String team) {
        return Callers.user("fresh rep of " + team, "u-rep-" + team, "/hq/north/" + team, "REP");
    }

    /** The manager of {@link #freshRep}'s team. */
    public static Caller freshManager(String team) {
        return Callers.user("fresh manager of " + team, "u-manager-" + team, "/hq/north/" + team, "MANAGER");
    }

    public static String uniqueTeam() {
        return "team-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A customer registered (and so owned) by {@code owner}. */
    public String customerOf(Caller owner) {
        return customerOf(owner, "Engagement customer");
    }

    public String customerOf(Caller owner, String name) {
        return create(owner, "/api/v1/customers", """
                {"code":"%s","name":"%s","type":"DEALER","regionCode":"EAST"}""".formatted(uniqueCode(), name))
                .get("id").asString();
    }

    public JsonNode contact(Caller caller, String customerId, String body) {
        return create(caller, "/api/v1/customers/" + customerId + "/contacts", body);
    }

    public String contactNamed(Caller caller, String customerId, String name) {
        return contact(caller, customerId, "{\"name\":\"" + name + "\"}").get("id").asString();
    }

    public JsonNode activity(Caller caller, String customerId, String body) {
        return create(caller, "/api/v1/customers/" + customerId + "/activities", body);
    }

    /** A call an hour ago. */
    public String call(Caller caller, String customerId) {
        return activity(caller, customerId, """
                {"type":"CALL","occurredAt":"%s","subject":"Checking in"}"""
                .formatted(Instant.now().minus(1, ChronoUnit.HOURS))).get("id").asString();
    }

    public JsonNode task(Caller caller, String body) {
        return create(caller, "/api/v1/tasks", body);
    }

    public JsonNode create(Caller caller, String path, String body) {
        try {
            MvcResult result = mvc.perform(post(path).with(caller.asCaller())
                            .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isCreated()).andReturn();
            return json.readTree(result.getResponse().getContentAsString());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create " + path + " as " + caller + ": " + body, e);
        } catch (AssertionError e) {
            throw new AssertionError("Creating " + path + " as " + caller + " with " + body + ": " + e.getMessage(),
                    e);
        }
    }

    /** Sets a customer's level and last activity as the core of the archive would. */
    public static void touch(JdbcTemplate jdbc, String customerId, String level, Instant lastActivityAt) {
        jdbc.update("UPDATE customers SET level = ?, last_activity_at = ? WHERE id = ?", level,
                java.sql.Timestamp.from(lastActivityAt), customerId);
    }
}

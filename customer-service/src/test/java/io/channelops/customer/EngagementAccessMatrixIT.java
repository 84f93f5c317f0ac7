package io.channelops.customer;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelops.platform.test.AccessMatrix;
import io.channelops.platform.test.Caller;
import io.channelops.platform.test.Callers;
import io.channelops.platform.test.ServiceIntegrationTest;
import io.channelops.platform.test.TokenChecks;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may do what to the contacts, activities and tasks of a customer: every endpoint called over real HTTP by
 * every kind of caller against records of the matrix's owner (rep A of team east-1), see {@link AccessMatrix}.
 *
 * <p>{@link AccessMatrix} substitutes one {@code {id}}; for a contact, whose path names its customer too, the "id" is
 * {@code <customerId>/contacts/<contactId>}, so {@code /api/v1/customers/{id}} in the table below stands for
 * {@code /api/v1/customers/{customerId}/contacts/{contactId}}.
 */
@ServiceIntegrationTest
class EngagementAccessMatrixIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JsonMapper json;

    @Value("${local.server.port}")
    int port;

    EngagementFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new EngagementFixtures(mvc, json);
    }

    private static final Caller OWNER = AccessMatrix.OWNER;

    private String customer() {
        return fixtures.customerOf(OWNER, "Matrix customer");
    }

    private String contactPath() {
        String customer = customer();
        return customer + "/contacts/" + fixtures.contactNamed(OWNER, customer, "Matrix contact");
    }

    private String activity() {
        return fixtures.call(OWNER, customer());
    }

    private String task() {
        return task(LocalDate.now(ZoneOffset.UTC).plusDays(1));
    }

    private String task(LocalDate due) {
        return fixtures.task(OWNER, "{\"title\":\"Matrix task\",\"dueDate\":\"" + due + "\"}").get("id").asString();
    }

    private static String activityBody() {
        return "{\"type\":\"CALL\",\"subject\":\"Matrix call\",\"occurredAt\":\""
                + Instant.now().minus(1, ChronoUnit.HOURS) + "\"}";
    }

    @Test
    void everyEngagementEndpointAnswersEveryCallerAsTheAccessRulesRequire() {
        AccessMatrix matrix = new AccessMatrix("customer-engagement", "http://localhost:" + port);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        // contacts: {id} = <customerId>/contacts/<contactId> (see the class comment)
        matrix.endpoint("POST", "/api/v1/customers/{id}/contacts").requires("customers:write").ok(201)
                .record(this::customer).body(id -> "{\"name\":\"Added by the matrix\",\"primary\":true}");
        matrix.endpoint("GET", "/api/v1/customers/{id}").requires("customers:read").ok(200)
                .record(this::contactPath);
        matrix.endpoint("GET", "/api/v1/customers/{id}/history").requires("customers:read").ok(200)
                .record(this::contactPath);
        matrix.endpoint("PATCH", "/api/v1/customers/{id}").requires("customers:write").ok(200)
                .record(this::contactPath).body(id -> "{\"title\":\"Changed by the matrix\"}")
                .header("If-Match", id -> "\"0\"");
        matrix.endpoint("DELETE", "/api/v1/customers/{id}").requires("customers:write").ok(204)
                .record(this::contactPath);
        matrix.endpoint("POST", "/api/v1/customers/{id}/make-primary").requires("customers:write").ok(200)
                .record(this::contactPath);
        // a customer's list is a part of the customer: 404 when the customer is out of scope, not an empty list
        matrix.endpoint("GET", "/api/v1/customers/{id}/contacts?size=200").requires("customers:read").ok(200)
                .record(this::customer);

        // activities
        matrix.endpoint("POST", "/api/v1/customers/{id}/activities").requires("customers:write").ok(201)
                .record(this::customer).body(id -> activityBody());
        matrix.endpoint("GET", "/api/v1/activities/{id}").requires("customers:read").ok(200)
                .record(this::activity);
        // only the author (the owner, who logged it) may correct it: whoever else may write and sees it is 403
        var correct = matrix.endpoint("PATCH", "/api/v1/activities/{id}").requires("customers:write").ok(200)
                .record(this::activity).body(id -> "{\"subject\":\"Corrected by the matrix\"}")
                .header("If-Match", id -> "\"0\"");
        for (Caller other : new Caller[] {Callers.MANAGER_EAST_1, Callers.MANAGER_EAST, Callers.DIRECTOR,
                Callers.client("matrix-client-hq", Callers.HQ, "customers:write"),
                Callers.client("matrix-client-east-1", Callers.EAST_1, "customers:write")}) {
            correct.expect(other, 403);
        }
        matrix.endpoint("GET", "/api/v1/customers/{id}/activities?size=200").requires("customers:read").ok(200)
                .record(this::customer);
        String acrossCustomers = customer();
        matrix.listing("/api/v1/activities?size=200&customerId=" + acrossCustomers, "customers:read",
                () -> fixtures.call(OWNER, acrossCustomers));
        String loggedByOwner = customer();
        matrix.listing("/api/v1/activities?size=200&type=CALL&loggedBy=" + OWNER.id() + "&customerId="
                + loggedByOwner, "customers:read", () -> fixtures.call(OWNER, loggedByOwner));

        // tasks
        matrix.endpoint("GET", "/api/v1/tasks/{id}").requires("customers:read").ok(200).record(this::task);
        matrix.endpoint("PATCH", "/api/v1/tasks/{id}").requires("customers:write").ok(200).record(this::task)
                .body(id -> "{\"title\":\"Changed by the matrix\"}").header("If-Match", id -> "\"0\"");
        matrix.endpoint("POST", "/api/v1/tasks/{id}/complete").requires("customers:write").ok(200)
                .record(this::task);
        matrix.endpoint("POST", "/api/v1/tasks/{id}/cancel").requires("customers:write").ok(200)
                .record(this::task);
        // a task about a customer: the record is the customer, named in the body; the caller must see it
        matrix.endpoint("POST", "/api/v1/tasks").requires("customers:write").ok(201)
                .record(this::customer)
                .body(id -> "{\"title\":\"About a customer\",\"dueDate\":\"" + today.plusDays(1)
                        + "\",\"customerId\":\"" + id + "\"}");
        // a task about nothing: anyone who may write creates one for themselves
        matrix.endpoint("POST", "/api/v1/tasks").requires("customers:write").ok(201).unscoped()
                .record(() -> "none")
                .body(id -> "{\"title\":\"Reminder\",\"dueDate\":\"" + today.plusDays(1) + "\"}");
        String taskCustomer = customer();
        matrix.listing("/api/v1/tasks?size=200&customerId=" + taskCustomer, "customers:read",
                () -> fixtures.task(OWNER, "{\"title\":\"Listed\",\"dueDate\":\"" + today.plusDays(1)
                        + "\",\"customerId\":\"" + taskCustomer + "\"}").get("id").asString());
        matrix.listing("/api/v1/tasks/overdue?size=200&assignee=" + OWNER.id(), "customers:read",
                () -> task(today.minusDays(1)));
        matrix.listing("/api/v1/tasks/due-today?size=200&assignee=" + OWNER.id(), "customers:read",
                () -> task(today));
        matrix.listing("/api/v1/tasks/neglected-customers?size=200&ownerId=" + OWNER.id(), "customers:read",
                this::neglectedCustomer);
        matrix.verify();
    }

    /** A customer of the owner last touched long ago, first in the owner's neglected list (oldest first). */
    private String neglectedCustomer() {
        String id = customer();
        jdbc.update("UPDATE customers SET level = 'KEY', last_activity_at = ? WHERE id = ?",
                Timestamp.from(Instant.parse("2000-01-01T00:00:00Z")), id);
        return id;
    }

    @Test
    void requestsWithoutAValidTokenAre401ProblemsBeforeAnythingElse() {
        String customer = customer();
        long contacts = count("contacts");
        long tasks = count("tasks");
        TokenChecks checks = new TokenChecks("http://localhost:" + port);
        checks.rejectInvalidTokens("GET", "/api/v1/customers/" + customer + "/contacts", null);
        checks.rejectInvalidTokens("POST", "/api/v1/customers/" + customer + "/contacts", "{\"name\":\"No token\"}");
        checks.rejectInvalidTokens("POST", "/api/v1/customers/" + customer + "/activities", activityBody());
        checks.rejectInvalidTokens("GET", "/api/v1/activities", null);
        checks.rejectInvalidTokens("POST", "/api/v1/tasks", "{\"title\":\"No token\",\"dueDate\":\""
                + LocalDate.now(ZoneOffset.UTC) + "\"}");
        checks.rejectInvalidTokens("GET", "/api/v1/tasks/overdue", null);
        checks.rejectInvalidTokens("GET", "/api/v1/tasks/neglected-customers", null);
        assertThat(count("contacts")).isEqualTo(contacts);
        assertThat(count("tasks")).isEqualTo(tasks);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM activities WHERE customer_id = ?", Long.class,
                customer)).isZero();
    }

    private long count(String table) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
        return count == null ? 0 : count;
    }
}

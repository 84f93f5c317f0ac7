package io.channelops.kpi;

import static io.channelops.kpi.KpiEvents.id;
import static io.channelops.kpi.KpiEvents.orderApproved;
import static io.channelops.kpi.KpiReads.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.channelops.events.EventTypes;
import io.channelops.events.Topics;
import io.channelops.events.finance.PaymentPosted;
import io.channelops.platform.test.AccessMatrix;
import io.channelops.platform.test.Caller;
import io.channelops.platform.test.Callers;
import io.channelops.platform.test.EventProbe;
import io.channelops.platform.test.ServiceIntegrationTest;
import io.channelops.platform.test.TokenChecks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what, and see which facts: every endpoint of kpi-service against every kind of caller, over facts
 * owned by {@link AccessMatrix#OWNER} (rep A of team east-1), fed in through the events that create them. Plus the
 * token check itself, over real HTTP.
 */
@ServiceIntegrationTest
class AccessMatrixIT {

    private static final Random RANDOM = new Random();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LEADERBOARD = "/api/v1/kpi/reps?size=200&currency=";

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyEndpointAnswersEveryCallerAsTheAccessRulesRequire() {
        AccessMatrix matrix = new AccessMatrix("kpi-service", "http://localhost:" + port);
        // the rep scorecard of the owner: visible to the owner and to every caller whose scope holds the owner's facts
        matrix.endpoint("GET", "/api/v1/kpi/reps/{id}").requires("kpi:read").ok(200).record(this::repWithAFact);
        // the scorecard of a customer whose facts the owner owns: visible where the scope holds those facts
        matrix.endpoint("GET", "/api/v1/kpi/customers/{id}").requires("kpi:read").ok(200)
                .record(this::customerOfTheOwner);
        // The leaderboard is a list, but its rows are reps ({"repId", ...}), not records with an "id", so
        // AccessMatrix.listing cannot read it: here only its permission is checked (a list answers 200 to every
        // caller with kpi:read, filtered); which rows each caller sees is leaderboardListsTheOwnersRowExactly...
        matrix.endpoint("GET", LEADERBOARD + "{id}").requires("kpi:read").ok(200).unscoped()
                .record(this::currencyOfTheOwner);
        // Dead letters (from the platform) are operational data, not business records: no owner, no org path.
        // Every holder of events:admin sees and replays all of them, so they are unscoped.
        matrix.endpoint("POST", "/api/v1/admin/kpi/dead-letters/{id}/replay").requires("events:admin").ok(200)
                .unscoped().record(this::deadLetter);
        String listed = deadLetter();
        matrix.endpoint("GET", "/api/v1/admin/kpi/dead-letters?status=DEAD&size=200").requires("events:admin")
                .ok(200).unscoped().record(() -> listed);
        matrix.verify();
    }

    /**
     * The leaderboard lists the owner's row exactly to the callers whose scope holds the owner's facts, and nobody
     * sees a rep whose facts lie outside their scope: a rep sees only their own row, a manager the reps of their
     * subtree, each ranked and counted within that view.
     */
    @Test
    void leaderboardListsTheOwnersRowExactlyToCallersWhoseScopeHoldsIt() throws Exception {
        String currency = currencyOfTheOwner();
        Caller west = Callers.REP_WEST_1;
        String westOrder = id();
        EventProbe.publish(orderApproved(westOrder, id(), west.id(), west.orgPath(), "50", currency), 1);
        awaitFact("order_facts", "order_id", westOrder);

        List<String> mismatches = new ArrayList<>();
        for (Caller caller : AccessMatrix.callers("kpi:read")) {
            int expected = AccessMatrix.expected(caller, "kpi:read", true, 200);
            MvcResult result = mvc.perform(get(LEADERBOARD + currency).with(caller.asCaller())).andReturn();
            int status = result.getResponse().getStatus();
            if (expected == 403 || status != 200) {
                if (status != expected) {
                    mismatches.add(caller + ": expected " + expected + ", got " + status);
                }
                continue;
            }
            JsonNode page = JSON.readTree(result.getResponse().getContentAsString());
            Map<String, Long> ranks = new LinkedHashMap<>();
            page.get("content").forEach(row -> ranks.put(row.get("repId").asString(), row.get("rank").asLong()));
            boolean ownerExpected = expected == 200;
            boolean westExpected = sees(caller, west);
            if (ranks.containsKey(AccessMatrix.OWNER.id()) != ownerExpected
                    || ranks.containsKey(west.id()) != westExpected
                    || page.get("page").get("totalElements").asLong() != ranks.size()) {
                mismatches.add(caller + ": expected owner " + (ownerExpected ? "listed" : "hidden") + " and west rep "
                        + (westExpected ? "listed" : "hidden") + ", got " + page);
            }
            // ranks are those of the caller's view: the owner (100) is first wherever they are listed
            if (ownerExpected && ranks.get(AccessMatrix.OWNER.id()) != 1L) {
                mismatches.add(caller + ": owner not ranked 1 in " + page);
            }
        }
        assertThat(mismatches).as("leaderboard rows per caller").isEmpty();
    }

    @Test
    void answers401ProblemWithoutAValidToken() {
        TokenChecks checks = new TokenChecks("http://localhost:" + port);
        checks.rejectInvalidTokens("GET", "/api/v1/kpi/reps/" + AccessMatrix.OWNER.id(), null);
        checks.rejectInvalidTokens("GET", "/api/v1/kpi/reps?currency=CNY", null);
    }

    /** A fresh approved order of the owner; the record under test is the owner's scorecard. */
    private String repWithAFact() {
        ownersOrder(id(), "CNY");
        return AccessMatrix.OWNER.id();
    }

    /** A fresh customer whose only facts (an order and its payment) belong to the owner. */
    private String customerOfTheOwner() {
        String customerId = id();
        String orderId = ownersOrder(customerId, "CNY");
        String paymentId = id();
        EventProbe.publish(KpiEvents.paymentPosted(paymentId, orderId, customerId, AccessMatrix.OWNER.id(),
                AccessMatrix.OWNER.orgPath(), "40", "CNY"), 1);
        awaitFact("payment_facts", "payment_id", paymentId);
        return customerId;
    }

    /** A currency no other test uses, in which the owner has an approved order of 100. */
    private String currencyOfTheOwner() {
        String currency = "M" + (char) ('A' + RANDOM.nextInt(26)) + (char) ('A' + RANDOM.nextInt(26));
        ownersOrder(id(), currency, "100");
        return currency;
    }

    private String ownersOrder(String customerId, String currency) {
        return ownersOrder(customerId, currency, "10");
    }

    private String ownersOrder(String customerId, String currency, String amount) {
        String orderId = id();
        EventProbe.publish(orderApproved(orderId, customerId, AccessMatrix.OWNER.id(), AccessMatrix.OWNER.orgPath(),
                amount, currency), 1);
        awaitFact("order_facts", "order_id", orderId);
        return orderId;
    }

    /** A fresh dead letter: a payment record that is not JSON, dead-lettered without retries. */
    private String deadLetter() {
        String eventId = id();
        String key = id();
        EventProbe.send(Topics.PAYMENTS, key, "not json", Map.of("ce_specversion", "1.0", "ce_id", eventId,
                "ce_source", "/channelops/finance", "ce_type", EventTypes.typeOf(PaymentPosted.class),
                "ce_subject", key, "ce_aggregateversion", "1"));
        awaitFact("dead_letters", "event_id", eventId);
        return jdbc.queryForObject("SELECT id FROM dead_letters WHERE event_id = ?", String.class, eventId);
    }

    private void awaitFact(String table, String column, String value) {
        awaitTrue(table + " " + value + " to be recorded", () -> {
            Long count = jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?",
                    Long.class, value);
            return count != null && count > 0;
        });
    }

    /** Whether {@code caller}'s data scope holds facts of {@code rep} (owned by them, in their org path). */
    private static boolean sees(Caller caller, Caller rep) {
        if (caller.client()) {
            return within(rep.orgPath(), caller.orgPath());
        }
        if (caller.roles().contains("MANAGER")) {
            return within(rep.orgPath(), caller.orgPath());
        }
        if (caller.roles().contains("REP")) {
            return caller.id().equals(rep.id());
        }
        return true;
    }

    private static boolean within(String path, String root) {
        return path.equals(root) || path.startsWith(root + "/");
    }
}

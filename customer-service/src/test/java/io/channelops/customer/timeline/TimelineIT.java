package io.channelops.customer.timeline;

import static io.channelops.platform.test.Callers.MANAGER_EAST_1;
import static io.channelops.platform.test.Callers.REP_EAST_1;
import static io.channelops.platform.test.Callers.REP_EAST_1_B;
import static io.channelops.platform.test.Callers.REP_WEST_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.customer.EngagementFixtures;
import io.channelops.platform.test.UserDirectoryFeed;
import io.channelops.events.Money;
import io.channelops.events.finance.PaymentPosted;
import io.channelops.events.order.OrderApproved;
import io.channelops.events.order.OrderLine;
import io.channelops.platform.test.EventProbe;
import io.channelops.platform.test.ServiceIntegrationTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A customer's timeline merges what the archive's features and the 360 summary's read model recorded, newest first,
 * paged by cursor without gaps or overlaps, within the caller's data scope.
 */
@ServiceIntegrationTest
class TimelineIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcTemplate jdbc;

    private EngagementFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new EngagementFixtures(mvc, json);
        UserDirectoryFeed.register(jdbc, REP_EAST_1, REP_EAST_1_B);
    }

    private void awaitApplied(String eventId) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM inbox_events WHERE event_id = ?", Long.class, eventId) == 1);
    }

    private JsonNode page(String customerId, String query) throws Exception {
        String body = mvc.perform(get("/api/v1/customers/" + customerId + "/timeline" + query)
                        .with(MANAGER_EAST_1.asCaller()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

    private static boolean hasNext(JsonNode page) {
        return page.has("nextCursor") && !page.get("nextCursor").isNull();
    }

    @Test
    void mergesActivitiesChangesOwnershipOrdersAndPaymentsNewestFirstAndPagesWithoutGapsOrOverlaps()
            throws Exception {
        String customer = fixtures.customerOf(REP_EAST_1);
        Instant visitAt = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        fixtures.activity(REP_EAST_1, customer, """
                {"type":"VISIT","occurredAt":"%s","subject":"Quarterly review"}""".formatted(visitAt));
        mvc.perform(patch("/api/v1/customers/" + customer).with(REP_EAST_1.asCaller()).header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"ACTIVE\"}"))
                .andExpect(status().isOk());
        Instant approvedAt = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        String orderId = UUID.randomUUID().toString();
        awaitApplied(EventProbe.publish(new OrderApproved(orderId, "SO-TL-1", customer, REP_EAST_1.id(),
                List.of(new OrderLine(1, "p-1", 2, new BigDecimal("640.25"))),
                new Money(new BigDecimal("1280.50"), "CNY"), approvedAt, REP_EAST_1.orgPath()), 1));
        Instant postedAt = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        String paymentId = UUID.randomUUID().toString();
        awaitApplied(EventProbe.publish(new PaymentPosted(paymentId, customer, "inv-tl-1", orderId,
                new Money(new BigDecimal("1280.50"), "CNY"), postedAt, REP_EAST_1.id(), REP_EAST_1.orgPath()), 1));
        mvc.perform(post("/api/v1/customers/" + customer + "/assign").with(MANAGER_EAST_1.asCaller())
                        .header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ownerId\":\"" + REP_EAST_1_B.id() + "\",\"reason\":\"Territory change\"}"))
                .andExpect(status().isOk());

        JsonNode all = page(customer, "");
        List<String> kinds = new ArrayList<>();
        all.get("entries").forEach(entry -> kinds.add(entry.get("kind").asString()));
        // newest first: the reassignment (and its revision) now, the payment yesterday, the order two days ago,
        // the visit three days ago; the registration and the status change are revisions of today
        assertThat(kinds).containsExactlyInAnyOrder("OWNERSHIP", "CHANGE", "CHANGE", "CHANGE", "PAYMENT", "ORDER",
                "ACTIVITY");
        assertThat(kinds.subList(kinds.size() - 3, kinds.size())).containsExactly("PAYMENT", "ORDER", "ACTIVITY");
        JsonNode payment = all.get("entries").get(kinds.size() - 3);
        assertThat(payment.get("ref").asString()).isEqualTo(paymentId);
        assertThat(payment.get("amount").get("amount").decimalValue()).isEqualByComparingTo("1280.50");
        assertThat(Instant.parse(payment.get("at").asString())).isEqualTo(postedAt);
        JsonNode order = all.get("entries").get(kinds.size() - 2);
        assertThat(order.get("title").asString()).isEqualTo("SO-TL-1");
        JsonNode visit = all.get("entries").get(kinds.size() - 1);
        assertThat(visit.get("type").asString()).isEqualTo("VISIT");
        assertThat(visit.get("actor").asString()).isEqualTo(REP_EAST_1.id());
        assertThat(hasNext(all)).isFalse();
        List<Instant> times = new ArrayList<>();
        all.get("entries").forEach(entry -> times.add(Instant.parse(entry.get("at").asString())));
        assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        // pages of two walk the same entries in the same order
        List<String> paged = new ArrayList<>();
        String query = "?size=2";
        for (int pages = 0; pages < 10; pages++) {
            JsonNode page = page(customer, query);
            page.get("entries").forEach(entry -> paged.add(entry.get("kind").asString() + ":"
                    + entry.get("ref").asString()));
            if (!hasNext(page)) {
                break;
            }
            query = "?size=2&after=" + page.get("nextCursor").asString();
        }
        List<String> whole = new ArrayList<>();
        all.get("entries").forEach(entry -> whole.add(entry.get("kind").asString() + ":"
                + entry.get("ref").asString()));
        assertThat(paged).isEqualTo(whole);
    }

    @Test
    void isOutOfScopeLikeItsCustomerAndRefusesBadParameters() throws Exception {
        String customer = fixtures.customerOf(REP_EAST_1);
        for (var outsider : List.of(REP_EAST_1_B, REP_WEST_1)) {
            mvc.perform(get("/api/v1/customers/" + customer + "/timeline").with(outsider.asCaller()))
                    .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
        }
        mvc.perform(get("/api/v1/customers/" + customer + "/timeline").param("after", "not-a-cursor")
                        .with(REP_EAST_1.asCaller()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_CURSOR"));
        mvc.perform(get("/api/v1/customers/" + customer + "/timeline").param("size", "201")
                        .with(REP_EAST_1.asCaller()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PARAMETER"));
    }
}

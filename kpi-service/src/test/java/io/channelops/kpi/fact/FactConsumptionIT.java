package io.channelops.kpi.fact;

import static io.channelops.kpi.KpiEvents.id;
import static io.channelops.kpi.KpiEvents.orderApproved;
import static io.channelops.kpi.KpiEvents.paymentPosted;
import static io.channelops.kpi.KpiReads.awaitTrue;
import static io.channelops.kpi.KpiReads.shows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.events.EventTypes;
import io.channelops.events.Topics;
import io.channelops.events.finance.PaymentPosted;
import io.channelops.events.order.OrderApproved;
import io.channelops.kpi.KpiEvents;
import io.channelops.kpi.KpiReads;
import io.channelops.platform.outbox.EventJson;
import io.channelops.platform.test.EventProbe;
import io.channelops.platform.test.ServiceIntegrationTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** Consuming OrderApproved and PaymentPosted from the real broker into facts, and what happens to bad records. */
@ServiceIntegrationTest
class FactConsumptionIT {

    private static final String DEAD_LETTERS = "/api/v1/admin/kpi/dead-letters";
    private static final String ORDER_APPROVED = EventTypes.typeOf(OrderApproved.class);
    private static final String PAYMENT_POSTED = EventTypes.typeOf(PaymentPosted.class);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    KpiReads reads;

    @BeforeEach
    void setUp() {
        reads = new KpiReads(mvc);
    }

    private static String rep(String id) {
        return "/api/v1/kpi/reps/" + id;
    }

    private static String customer(String id) {
        return "/api/v1/kpi/customers/" + id;
    }

    @Test
    void recordsApprovedOrdersAndPaymentsIntoTheRepAndCustomerScorecards() {
        String repId = id();
        String customerId = id();
        String firstOrder = id();
        String secondOrder = id();
        String paymentId = id();
        EventProbe.publish(orderApproved(firstOrder, customerId, repId, "/hq/east/team-1", "100.50", "CNY"), 1);
        EventProbe.publish(orderApproved(secondOrder, customerId, repId, "/hq/east/team-1", "200", "CNY"), 1);
        EventProbe.publish(paymentPosted(paymentId, firstOrder, customerId, repId, "/hq/east/team-1", "80.25", "CNY"),
                1);

        JsonNode repCard = reads.await(rep(repId), card -> shows(card, "CNY", "300.50", 2, "80.25"));
        assertThat(repCard.get("repId").asString()).isEqualTo(repId);
        assertThat(repCard.get("totals")).hasSize(1);
        JsonNode customerCard = reads.await(customer(customerId), card -> shows(card, "CNY", "300.50", 2, "80.25"));
        assertThat(customerCard.get("customerId").asString()).isEqualTo(customerId);
        assertThat(reads.body(rep(repId)))
                .contains("\"approvedOrderValue\":300.50").contains("\"collectedCash\":80.25");
        assertThat(jdbc.queryForObject("SELECT sales_rep_id FROM order_facts WHERE order_id = ?", String.class,
                firstOrder)).isEqualTo(repId);
        // the facts belong to the order's owner (its sales rep) in the org path the events carry
        assertThat(jdbc.queryForMap("SELECT owner_id, org_path FROM order_facts WHERE order_id = ?", secondOrder))
                .containsEntry("owner_id", repId).containsEntry("org_path", "/hq/east/team-1");
        assertThat(jdbc.queryForMap("SELECT owner_id, org_path FROM payment_facts WHERE payment_id = ?", paymentId))
                .containsEntry("owner_id", repId).containsEntry("org_path", "/hq/east/team-1");
    }

    @Test
    void countsTheSameEventOnceWhenItIsDeliveredTwice() {
        String repId = id();
        String customerId = id();
        String orderId = id();
        double orderDuplicates = inbox(ORDER_APPROVED, "duplicate");
        double paymentDuplicates = inbox(PAYMENT_POSTED, "duplicate");
        OrderApproved approved = orderApproved(orderId, customerId, repId, "500", "CNY");
        PaymentPosted posted = paymentPosted(id(), orderId, customerId, "120", "CNY");
        String orderEventId = id();
        String paymentEventId = id();
        EventProbe.publish(approved, orderEventId, 1);
        EventProbe.publish(approved, orderEventId, 1);
        EventProbe.publish(posted, paymentEventId, 1);
        EventProbe.publish(posted, paymentEventId, 1);

        awaitTrue("the second OrderApproved to be skipped", () -> inbox(ORDER_APPROVED, "duplicate") > orderDuplicates);
        awaitTrue("the second PaymentPosted to be skipped",
                () -> inbox(PAYMENT_POSTED, "duplicate") > paymentDuplicates);
        assertThat(shows(reads.json(rep(repId)), "CNY", "500", 1, "120")).isTrue();
        assertThat(shows(reads.json(customer(customerId)), "CNY", "500", 1, "120")).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inbox_events WHERE event_id IN (?, ?)", Long.class,
                orderEventId, paymentEventId)).isEqualTo(2);
    }

    @Test
    void keepsTheFirstFactWhenAnOrderOrPaymentIsResentUnderANewEventId() {
        String repId = id();
        String customerId = id();
        String orderId = id();
        String paymentId = id();
        EventProbe.publish(orderApproved(orderId, customerId, repId, "700", "CNY"), 1);
        EventProbe.publish(paymentPosted(paymentId, orderId, customerId, "70", "CNY"), 1);
        reads.await(rep(repId), card -> shows(card, "CNY", "700", 1, "70"));

        String resentOrder = EventProbe.publish(orderApproved(orderId, customerId, repId, "9999", "CNY"), 2);
        String resentPayment = EventProbe.publish(paymentPosted(paymentId, orderId, customerId, "999", "CNY"), 2);
        awaitTrue("the re-sent events to be consumed", () -> count(
                "SELECT COUNT(*) FROM inbox_events WHERE event_id IN ('" + resentOrder + "', '" + resentPayment
                        + "')") == 2);
        assertThat(shows(reads.json(rep(repId)), "CNY", "700", 1, "70")).isTrue();
        assertThat(shows(reads.json(customer(customerId)), "CNY", "700", 1, "70")).isTrue();
    }

    @Test
    void attributesAPaymentThatArrivesBeforeItsOrderToTheRepOnceTheOrderArrives() {
        String repId = id();
        String customerId = id();
        String orderId = id();
        // finance copies the order's owner onto the payment, so the rep owns it before the approval arrives
        EventProbe.publish(paymentPosted(id(), orderId, customerId, repId, KpiEvents.ORG_PATH, "300", "USD"), 1);
        reads.await(customer(customerId), card -> shows(card, "USD", "0", 0, "300"));
        assertThat(reads.json(rep(repId)).get("totals")).isEmpty();

        EventProbe.publish(orderApproved(orderId, customerId, repId, "1000", "USD"), 1);
        reads.await(rep(repId), card -> shows(card, "USD", "1000", 1, "300"));
        reads.await(customer(customerId), card -> shows(card, "USD", "1000", 1, "300"));
    }

    @Test
    void deadLettersAPayloadThatIsNotJsonAndGoesOnWithTheRestOfThePartition() throws Exception {
        String paymentId = id();
        String customerId = id();
        String badEventId = id();
        EventProbe.send(Topics.PAYMENTS, paymentId, "{\"paymentId\": oops", Map.of(
                "ce_specversion", "1.0", "ce_id", badEventId, "ce_source", "/channelops/finance",
                "ce_type", PAYMENT_POSTED, "ce_subject", paymentId, "ce_aggregateversion", "1"));
        // same key, so the same partition, right behind the poison record
        EventProbe.publish(paymentPosted(paymentId, id(), customerId, "42", "CNY"), 2);

        reads.await(customer(customerId), card -> shows(card, "CNY", "0", 0, "42"));
        awaitTrue("the bad record to be dead-lettered", () -> count(
                "SELECT COUNT(*) FROM dead_letters WHERE event_id = '" + badEventId + "'") == 1);
        String deadLetterId = jdbc.queryForObject("SELECT id FROM dead_letters WHERE event_id = ?", String.class,
                badEventId);
        mvc.perform(get(DEAD_LETTERS).param("status", "DEAD").param("size", "200"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[?(@.id == '" + deadLetterId + "')].eventType").value(PAYMENT_POSTED))
                .andExpect(jsonPath("$.content[?(@.id == '" + deadLetterId + "')].topic").value(Topics.PAYMENTS))
                .andExpect(jsonPath("$.content[?(@.id == '" + deadLetterId + "')].key").value(paymentId))
                .andExpect(jsonPath("$.content[?(@.id == '" + deadLetterId + "')].error")
                        .value(Matchers.contains(Matchers.containsString("cannot be read"))));
        ConsumerRecord<String, String> dlt = EventProbe.await(Topics.PAYMENTS + Topics.DEAD_LETTER_SUFFIX,
                r -> badEventId.equals(EventProbe.header(r, "ce_id")), Duration.ofSeconds(20));
        assertThat(dlt.key()).isEqualTo(paymentId);
    }

    @Test
    void deadLettersARecordWithoutCloudEventsHeadersAndGoesOnWithTheRestOfThePartition() throws Exception {
        String key = id();
        String strayRep = id();
        String repId = id();
        EventProbe.send(Topics.ORDERS, key,
                EventJson.write(orderApproved(id(), id(), strayRep, "10", "CNY")), Map.of());
        EventProbe.publish(orderApproved(key, id(), repId, "55", "CNY"), 1);

        reads.await(rep(repId), card -> shows(card, "CNY", "55", 1, "0"));
        awaitTrue("the headerless record to be dead-lettered", () -> count(
                "SELECT COUNT(*) FROM dead_letters WHERE message_key = '" + key + "' AND event_id IS NULL") == 1);
        assertNotFound(rep(strayRep));
        mvc.perform(get(DEAD_LETTERS).param("size", "200"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[?(@.key == '" + key + "')].error")
                        .value(Matchers.contains(Matchers.containsString("no ce_id header"))));
    }

    @Test
    void deadLettersAnEventWhosePayloadCannotBecomeAFactAndRecordsNothing() throws Exception {
        String repId = id();
        String negative = EventProbe.publish(orderApproved(id(), id(), repId, "-5", "CNY"), 1);
        String lowerCase = EventProbe.publish(orderApproved(id(), id(), repId, "5", "cny"), 1);
        String noOrder = EventProbe.publish(paymentPosted(id(), "", id(), "5", "CNY"), 1);
        String noOrgPath = EventProbe.publish(orderApproved(id(), id(), repId, null, "5", "CNY"), 1);
        String badOrgPath = EventProbe.publish(orderApproved(id(), id(), repId, "hq/east", "5", "CNY"), 1);
        String noOwner = EventProbe.publish(paymentPosted(id(), id(), id(), null, "/hq/east", "5", "CNY"), 1);
        List<String> events = List.of(negative, lowerCase, noOrder, noOrgPath, badOrgPath, noOwner);
        String ids = "('" + String.join("', '", events) + "')";

        awaitTrue("the unusable events to be dead-lettered", () -> count(
                "SELECT COUNT(*) FROM dead_letters WHERE event_id IN " + ids) == events.size());
        assertThat(error(negative)).contains("total.amount is negative");
        assertThat(error(lowerCase)).contains("total.currency is not an ISO 4217 code");
        assertThat(error(noOrder)).contains("orderId is missing");
        // without its owner or org path a fact could not be scoped: it is not recorded under a guessed one
        assertThat(error(noOrgPath)).contains("orgPath is missing");
        assertThat(error(badOrgPath)).contains("orgPath is not an org path");
        assertThat(error(noOwner)).contains("ownerId is missing");
        assertNotFound(rep(repId));
        assertThat(count("SELECT COUNT(*) FROM inbox_events WHERE event_id IN " + ids)).isZero();
    }

    @Test
    void replaysADeadLetterOnceItsTransientCauseIsGoneAndOnlyOnce() throws Exception {
        String customerId = id();
        String eventId = id();
        jdbc.execute("RENAME TABLE payment_facts TO payment_facts_offline");
        try {
            EventProbe.publish(paymentPosted(id(), id(), customerId, "64.10", "EUR"), eventId, 1);
            awaitTrue("the payment to fail and be dead-lettered", () -> count(
                    "SELECT COUNT(*) FROM dead_letters WHERE event_id = '" + eventId + "'") == 1);
        }
        finally {
            jdbc.execute("RENAME TABLE payment_facts_offline TO payment_facts");
        }
        assertNotFound(customer(customerId));
        String deadLetterId = jdbc.queryForObject("SELECT id FROM dead_letters WHERE event_id = ?", String.class,
                eventId);

        mvc.perform(post(DEAD_LETTERS + "/" + deadLetterId + "/replay"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(deadLetterId))
                .andExpect(jsonPath("$.status").value("REPLAYED"))
                .andExpect(jsonPath("$.replayedAt").isNotEmpty());
        reads.await(customer(customerId), card -> shows(card, "EUR", "0", 0, "64.10"));
        mvc.perform(get(DEAD_LETTERS).param("status", "REPLAYED").param("size", "200"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[?(@.id == '" + deadLetterId + "')].eventId").value(eventId));

        mvc.perform(post(DEAD_LETTERS + "/" + deadLetterId + "/replay"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("ILLEGAL_STATE_TRANSITION"));
        mvc.perform(post(DEAD_LETTERS + "/" + id() + "/replay"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
        assertThat(count("SELECT COUNT(*) FROM dead_letters WHERE event_id = '" + eventId + "'")).isEqualTo(1);
    }

    @Test
    void skipsEventTypesItDoesNotUseOnItsTopics() {
        String orderId = id();
        String eventId = id();
        String repId = id();
        EventProbe.send(Topics.ORDERS, orderId, "{\"orderId\":\"" + orderId + "\",\"salesRepId\":\"" + repId + "\"}",
                Map.of("ce_specversion", "1.0", "ce_id", eventId, "ce_source", "/channelops/order",
                        "ce_type", "io.channelops.order.OrderCreditHeld", "ce_subject", orderId,
                        "ce_time", Instant.now().toString()));
        EventProbe.publish(orderApproved(orderId, id(), repId, "1", "CNY"), 2);
        reads.await(rep(repId), card -> shows(card, "CNY", "1", 1, "0"));
        assertThat(count("SELECT COUNT(*) FROM inbox_events WHERE event_id = '" + eventId + "'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM dead_letters WHERE event_id = '" + eventId + "'")).isZero();
    }

    /** A scorecard without any fact the caller may see answers 404. */
    private void assertNotFound(String path) throws Exception {
        mvc.perform(get(path)).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private String error(String eventId) {
        List<String> errors = jdbc.queryForList("SELECT error FROM dead_letters WHERE event_id = ?", String.class,
                eventId);
        assertThat(errors).hasSize(1);
        return errors.getFirst();
    }

    private double inbox(String type, String outcome) {
        Counter counter = meters.find("channelops.inbox.events").tag("type", type).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private long count(String sql) {
        Long value = jdbc.queryForObject(sql, Long.class);
        return value == null ? 0 : value;
    }
}

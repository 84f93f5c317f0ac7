package io.channelops.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.platform.outbox.Outbox;
import io.channelops.platform.persistence.Housekeeping;
import io.channelops.platform.outbox.OutboxRelay;
import io.channelops.platform.test.EventProbe;
import io.channelops.platform.test.ServiceIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The platform's outbox, relay, inbox and dead letters against the real database and broker. */
@ServiceIntegrationTest
class PlatformIT {

    @Autowired
    PlatformTestApp.Widgets widgets;

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxRelay relay;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    MockMvc mvc;

    @Autowired
    Housekeeping housekeeping;

    @Autowired
    JsonMapper json;

    @Test
    void publishesEventsOfOneAggregateInTheOrderTheyWereWritten() {
        String id = widgets.create("ordered", 25, false);
        List<ConsumerRecord<String, String>> records = EventProbe.collect(PlatformTestApp.WIDGETS,
                r -> id.equals(r.key()), 25, Duration.ofSeconds(30));
        assertThat(records).hasSize(25);
        assertThat(records).extracting(r -> EventProbe.payload(r, WidgetCreated.class).sequence())
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 25).boxed().toList());
        assertThat(records).extracting(r -> EventProbe.header(r, "ce_aggregateversion"))
                .containsExactlyElementsOf(
                        java.util.stream.IntStream.rangeClosed(1, 25).mapToObj(Integer::toString).toList());
    }

    @Test
    void writesNoEventWhenTheChangeRollsBack() {
        long before = count("SELECT COUNT(*) FROM outbox_events");
        assertThatThrownBy(() -> widgets.create("rolled-back", 1, true)).isInstanceOf(IllegalStateException.class);
        assertThat(count("SELECT COUNT(*) FROM outbox_events")).isEqualTo(before);
        assertThat(count("SELECT COUNT(*) FROM widgets WHERE name = 'rolled-back'")).isZero();
    }

    @Test
    void refusesToAppendOutsideATransaction() {
        assertThatThrownBy(() -> outbox.append(new WidgetCreated("x", "x", 1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("inside the transaction");
    }

    @Test
    void onlyOneReplicaRelaysAtATime() throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread otherReplica = Thread.ofPlatform().start(() -> tx.executeWithoutResult(status -> {
            jdbc.queryForList("SELECT name FROM outbox_relay_lock WHERE name = 'relay' FOR UPDATE");
            locked.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
        String id = widgets.create("while-locked", 1, false);
        assertThat(relay.relayOnce()).isEqualTo(-1);
        assertThat(count("SELECT COUNT(*) FROM outbox_events WHERE message_key = '" + id
                + "' AND published_at IS NULL")).isEqualTo(1);
        release.countDown();
        otherReplica.join();
        awaitTrue(() -> count("SELECT COUNT(*) FROM outbox_events WHERE message_key = '" + id
                + "' AND published_at IS NULL") == 0);
    }

    @Test
    void appliesAnEventOnceWhenItIsDeliveredTwice() {
        String id = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        EventProbe.publish(new WidgetCreated(id, "twice-" + id, 1), eventId, 1);
        EventProbe.publish(new WidgetCreated(id, "twice-" + id, 1), eventId, 1);
        awaitTrue(() -> count("SELECT COUNT(*) FROM inbox_events WHERE event_id = '" + eventId + "'") == 1);
        EventProbe.publish(new WidgetCreated(id, "after-" + id, 2), 2);
        awaitTrue(() -> count("SELECT COUNT(*) FROM widget_effects WHERE name = 'after-" + id + "'") == 1);
        assertThat(count("SELECT COUNT(*) FROM widget_effects WHERE event_id = '" + eventId + "'")).isEqualTo(1);
    }

    @Test
    void deadLettersAPoisonEventAfterRetriesAndReplaysItOnRequest() throws Exception {
        String id = UUID.randomUUID().toString();
        String eventId = EventProbe.publish(new WidgetCreated(id, "poison-" + id, 1), 1);
        awaitTrue(() -> count("SELECT COUNT(*) FROM dead_letters WHERE event_id = '" + eventId + "'") == 1);
        ConsumerRecord<String, String> dlt = EventProbe.await(PlatformTestApp.WIDGETS + ".dlt",
                r -> eventId.equals(EventProbe.header(r, "ce_id")), Duration.ofSeconds(20));
        assertThat(dlt.key()).isEqualTo(id);

        String deadLetterId = jdbc.queryForObject("SELECT id FROM dead_letters WHERE event_id = ?", String.class,
                eventId);
        mvc.perform(get("/api/v1/admin/platformit/dead-letters").param("status", "DEAD"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[?(@.id == '" + deadLetterId + "')].eventType")
                        .value("io.channelops.platformit.WidgetCreated"));
        mvc.perform(post("/api/v1/admin/platformit/dead-letters/" + deadLetterId + "/replay"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REPLAYED"));
        mvc.perform(post("/api/v1/admin/platformit/dead-letters/" + deadLetterId + "/replay"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("ILLEGAL_STATE_TRANSITION"));
        // the replayed record is consumed again (and, still poisonous, dead-lettered again)
        awaitTrue(() -> count("SELECT COUNT(*) FROM dead_letters WHERE event_id = '" + eventId + "'") == 2);
        mvc.perform(get("/api/v1/admin/platformit/dead-letters").param("status", "LOST"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PARAMETER"));
        mvc.perform(post("/api/v1/admin/platformit/dead-letters/" + UUID.randomUUID() + "/replay"))
                .andExpect(status().isNotFound());
    }

    @Test
    void exposesOutboxGaugesAndReadinessWithDatabaseAndKafka() throws Exception {
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
        String metrics = mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(metrics).contains("channelops_outbox_pending").contains("channelops_outbox_oldest_age_seconds");
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andExpect(jsonPath("$.openapi").value(
                org.hamcrest.Matchers.startsWith("3.1")));
    }

    @Test
    void housekeepingTrimsOldIdempotencyKeysAndInboxRowsOnly() {
        String old = "old-" + UUID.randomUUID();
        String fresh = "fresh-" + UUID.randomUUID();
        jdbc.update("""
                INSERT INTO idempotency_keys (scope, idem_key, request_hash, state, created_at, completed_at)
                VALUES ('POST /x', ?, 'h', 'COMPLETED', NOW(6) - INTERVAL 3 DAY, NOW(6) - INTERVAL 3 DAY),
                       ('POST /x', ?, 'h', 'COMPLETED', NOW(6), NOW(6))""", old, fresh);
        jdbc.update("""
                INSERT INTO inbox_events (event_id, event_type, aggregate_id, aggregate_version, topic, received_at)
                VALUES (?, 't', 'a', 1, 't', NOW(6) - INTERVAL 40 DAY), (?, 't', 'a', 1, 't', NOW(6))""", old, fresh);
        housekeeping.runOnce();
        assertThat(count("SELECT COUNT(*) FROM idempotency_keys WHERE idem_key = '" + old + "'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM idempotency_keys WHERE idem_key = '" + fresh + "'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM inbox_events WHERE event_id = '" + old + "'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM inbox_events WHERE event_id = '" + fresh + "'")).isEqualTo(1);
    }

    private long count(String sql) {
        Long value = jdbc.queryForObject(sql, Long.class);
        return value == null ? 0 : value;
    }

    private static void awaitTrue(Supplier<Boolean> condition) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!condition.get()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within 30 s");
            }
            try {
                Thread.sleep(100);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new AssertionError(ex);
            }
        }
    }
}

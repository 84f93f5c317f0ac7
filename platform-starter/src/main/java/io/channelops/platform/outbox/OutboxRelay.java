package io.channelops.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends committed outbox rows to Kafka, oldest first, at least once.
 *
 * <p>Safe with several replicas: a pass runs only while its transaction holds the row lock on
 * {@code outbox_relay_lock} ({@code FOR UPDATE SKIP LOCKED}), so exactly one replica relays at
 * a time and events of one aggregate leave in the order they were written. A pass sends a batch,
 * waits for the broker's acknowledgements and marks the acknowledged prefix as published; what
 * follows the first failure is sent again on the next pass. It runs after every commit that
 * appended an event and at least every poll interval.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final KafkaTemplate<String, String> kafka;
    private final Clock clock;
    private final int batchSize;
    private final Duration pollInterval;
    private final Duration sendTimeout;
    private final Duration retention;
    private final Semaphore wakeUps = new Semaphore(0);
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestAgeMillis = new AtomicLong();
    private final Counter published;
    private final Counter failures;
    private volatile boolean running;
    private @Nullable Thread worker;
    private Instant nextCleanup = Instant.EPOCH;

    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate tx, KafkaTemplate<String, String> kafka,
            MeterRegistry meters, Clock clock, int batchSize, Duration pollInterval, Duration sendTimeout,
            Duration retention) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.kafka = kafka;
        this.clock = clock;
        this.batchSize = batchSize;
        this.pollInterval = pollInterval;
        this.sendTimeout = sendTimeout;
        this.retention = retention;
        Gauge.builder("channelops.outbox.pending", pending, AtomicLong::get)
                .description("Events written to the outbox and not yet acknowledged by Kafka")
                .register(meters);
        Gauge.builder("channelops.outbox.oldest.age", oldestAgeMillis, a -> a.get() / 1000.0)
                .baseUnit("seconds")
                .description("Age of the oldest event not yet acknowledged by Kafka")
                .register(meters);
        this.published = Counter.builder("channelops.outbox.published").register(meters);
        this.failures = Counter.builder("channelops.outbox.send.failures").register(meters);
    }

    /** Asks for a pass soon; called after each commit that appended events. */
    public void wakeUp() {
        wakeUps.release();
    }

    /**
     * One relay pass.
     *
     * @return how many events were published; -1 when another replica holds the relay lock
     */
    public int relayOnce() {
        Integer sent = tx.execute(status -> {
            List<String> lock = jdbc.queryForList(
                    "SELECT name FROM outbox_relay_lock WHERE name = 'relay' FOR UPDATE SKIP LOCKED", String.class);
            if (lock.isEmpty()) {
                return -1;
            }
            List<Row> rows = jdbc.query("""
                    SELECT id, event_id, topic, message_key, event_type, source, aggregate_version, payload,
                           traceparent, occurred_at
                      FROM outbox_events WHERE published_at IS NULL ORDER BY id LIMIT ?""",
                    (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getLong(7), rs.getString(8), rs.getString(9),
                            rs.getTimestamp(10).toInstant()),
                    batchSize);
            List<Long> acknowledged = send(rows);
            if (!acknowledged.isEmpty()) {
                Timestamp now = Timestamp.from(Instant.now(clock));
                List<Object[]> args = acknowledged.stream().map(id -> new Object[] {now, id}).toList();
                jdbc.batchUpdate("UPDATE outbox_events SET published_at = ? WHERE id = ?", args);
            }
            return acknowledged.size();
        });
        return sent == null ? 0 : sent;
    }

    private List<Long> send(List<Row> rows) {
        List<CompletableFuture<?>> futures = new ArrayList<>(rows.size());
        for (Row row : rows) {
            try {
                futures.add(kafka.send(record(row)));
            }
            catch (RuntimeException ex) {
                // the producer refused at once (e.g. no broker metadata within max.block.ms)
                futures.add(CompletableFuture.failedFuture(ex));
                break;
            }
        }
        List<Long> acknowledged = new ArrayList<>(rows.size());
        for (int i = 0; i < futures.size(); i++) {
            try {
                futures.get(i).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
                acknowledged.add(rows.get(i).id());
            }
            catch (Exception ex) {
                failures.increment();
                log.warn("Outbox relay could not publish event {} to {}; it will be sent again: {}",
                        rows.get(i).eventId(), rows.get(i).topic(), ex.toString());
                if (ex instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                break;
            }
        }
        published.increment(acknowledged.size());
        return acknowledged;
    }

    private ProducerRecord<String, String> record(Row row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
        header(record, CloudEvents.SPEC_VERSION, "1.0");
        header(record, CloudEvents.ID, row.eventId());
        header(record, CloudEvents.SOURCE, row.source());
        header(record, CloudEvents.TYPE, row.type());
        header(record, CloudEvents.TIME, DateTimeFormatter.ISO_INSTANT.format(row.occurredAt()));
        header(record, CloudEvents.SUBJECT, row.key());
        header(record, CloudEvents.AGGREGATE_VERSION, Long.toString(row.version()));
        header(record, CloudEvents.CONTENT_TYPE, "application/json");
        if (row.traceparent() != null) {
            header(record, CloudEvents.TRACEPARENT, row.traceparent());
            header(record, CloudEvents.W3C_TRACEPARENT, row.traceparent());
        }
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    void refreshGauges() {
        jdbc.query("SELECT COUNT(*), MIN(occurred_at) FROM outbox_events WHERE published_at IS NULL", rs -> {
            pending.set(rs.getLong(1));
            Timestamp oldest = rs.getTimestamp(2);
            oldestAgeMillis.set(oldest == null ? 0
                    : Math.max(0, Duration.between(oldest.toInstant(), Instant.now(clock)).toMillis()));
        });
    }

    private void cleanUp() {
        Instant now = Instant.now(clock);
        if (now.isBefore(nextCleanup)) {
            return;
        }
        nextCleanup = now.plus(Duration.ofMinutes(10));
        int deleted = jdbc.update("DELETE FROM outbox_events WHERE published_at < ? LIMIT 5000",
                Timestamp.from(now.minus(retention)));
        if (deleted > 0) {
            log.info("Outbox clean-up removed {} published events older than {}", deleted, retention);
        }
    }

    private void loop() {
        while (running) {
            try {
                int sent;
                try {
                    sent = relayOnce();
                }
                finally {
                    refreshGauges();
                }
                cleanUp();
                if (sent < batchSize) {
                    wakeUps.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
            catch (RuntimeException ex) {
                log.warn("Outbox relay pass failed; retrying: {}", ex.toString());
                try {
                    Thread.sleep(pollInterval.toMillis());
                }
                catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void start() {
        running = true;
        worker = Thread.ofVirtual().name("outbox-relay").start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        Thread current = worker;
        if (current != null) {
            current.interrupt();
            try {
                current.join(Duration.ofSeconds(10));
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Start after the web server and Kafka are up, stop before them. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1000;
    }

    private record Row(long id, String eventId, String topic, String key, String type, String source, long version,
            String payload, @Nullable String traceparent, Instant occurredAt) {
    }
}

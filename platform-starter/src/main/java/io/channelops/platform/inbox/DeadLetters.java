package io.channelops.platform.inbox;

import io.channelops.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.channelops.platform.web.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.KafkaHeaders;
import tools.jackson.core.type.TypeReference;
import io.channelops.platform.outbox.EventJson;
import org.apache.kafka.common.TopicPartition;

/**
 * Records that failed after bounded retries. Each one is published to {@code <topic>.dlt} and
 * kept in the consumer's {@code dead_letters} table, where operators list it and replay it to
 * its original topic once the cause is fixed (consumers are idempotent, so a replay is safe).
 * Each one counts in {@code channelops.dead.letters}, tagged with the original topic.
 */
public class DeadLetters implements ConsumerRecordRecoverer {

    /** Records dead-lettered, tagged {@code topic} (the record's original topic). */
    public static final String METRIC = "channelops.dead.letters";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    private static final String COLUMNS = """
            id, topic, record_partition, record_offset, message_key, event_id, event_type, error, failed_at,
            replayed_at, status""";
    private static final RowMapper<DeadLetter> ROW = (rs, i) -> new DeadLetter(rs.getString(1), rs.getString(2),
            rs.getInt(3), rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
            rs.getTimestamp(9).toInstant(), rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant(),
            rs.getString(11));

    private final JdbcTemplate jdbc;
    private final KafkaTemplate<String, String> kafka;
    private final DeadLetterPublishingRecoverer publisher;
    private final Clock clock;
    private final MeterRegistry meters;

    public DeadLetters(JdbcTemplate jdbc, KafkaTemplate<String, String> kafka, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.kafka = kafka;
        this.clock = clock;
        this.meters = meters;
        this.publisher = new DeadLetterPublishingRecoverer(kafka,
                (record, ex) -> new TopicPartition(record.topic() + Topics.DEAD_LETTER_SUFFIX, -1));
    }

    /** A dead letter as listed by the admin API. */
    public record DeadLetter(String id, String topic, int partition, long offset, @Nullable String key,
            @Nullable String eventId, @Nullable String eventType, String error, Instant failedAt,
            @Nullable Instant replayedAt, String status) {
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, @Nullable Exception ex) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            if (header.value() != null && !header.key().startsWith("kafka_")) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        Throwable cause = ex == null ? null : rootCause(ex);
        String error = cause == null ? "unknown" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        jdbc.update("""
                INSERT INTO dead_letters (id, topic, record_partition, record_offset, message_key, event_id,
                                          event_type, headers, payload, error, failed_at, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DEAD')""",
                UUID.randomUUID().toString(), record.topic(), record.partition(), record.offset(),
                record.key() == null ? null : record.key().toString(), EventEnvelope.header(record, "ce_id"),
                EventEnvelope.header(record, "ce_type"), EventJson.write(headers),
                record.value() == null ? null : record.value().toString(), truncate(error, 2000),
                Timestamp.from(Instant.now(clock)));
        counter(record.topic()).increment();
        log.error("Event {} from {} failed for good and was dead-lettered: {}",
                EventEnvelope.header(record, "ce_id"), record.topic(), error);
        publisher.accept(record, ex);
    }

    /** Registers the dead-letter count of each topic at zero, so the series exist before the first one. */
    public void registerTopics(Collection<String> topics) {
        topics.forEach(this::counter);
    }

    private Counter counter(String topic) {
        return Counter.builder(METRIC).description("Consumed records that failed for good and were dead-lettered")
                .tag("topic", topic).register(meters);
    }

    public Page<DeadLetter> list(@Nullable String status, Pageable pageable) {
        List<Object> args = new ArrayList<>();
        String where = "";
        if (status != null) {
            where = " WHERE status = ?";
            args.add(status);
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM dead_letters" + where, Long.class, args.toArray());
        args.add(pageable.getPageSize());
        args.add(pageable.getOffset());
        List<DeadLetter> content = jdbc.query("SELECT " + COLUMNS + " FROM dead_letters" + where + " ORDER BY failed_at DESC, id LIMIT ? OFFSET ?",
                ROW,
                args.toArray());
        return new PageImpl<>(content, pageable, total == null ? 0 : total);
    }

    /** Sends the stored record to its original topic again and marks it replayed. */
    public DeadLetter replay(String id) {
        List<Object[]> rows = jdbc.query(
                "SELECT topic, message_key, headers, payload, status FROM dead_letters WHERE id = ?",
                (rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)},
                id);
        if (rows.isEmpty()) {
            throw ApiProblem.notFound("dead letter", id);
        }
        Object[] row = rows.getFirst();
        if (!"DEAD".equals(row[4])) {
            throw ApiProblem.illegalTransition("dead letter", id, row[4], "replay");
        }
        ProducerRecord<String, String> record = new ProducerRecord<>((String) row[0], (String) row[1],
                (String) row[3]);
        Map<String, String> headers = EventJson.mapper().readValue((String) row[2], HEADERS);
        headers.forEach((name, value) -> {
            if (!name.startsWith(KafkaHeaders.PREFIX) && !name.startsWith("kafka_dlt")) {
                record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
            }
        });
        try {
            kafka.send(record).get(10, TimeUnit.SECONDS);
        }
        catch (Exception ex) {
            if (ex instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw ApiProblem.dependencyUnavailable("kafka");
        }
        jdbc.update("UPDATE dead_letters SET status = 'REPLAYED', replayed_at = ? WHERE id = ?",
                Timestamp.from(Instant.now(clock)), id);
        return find(id);
    }

    private DeadLetter find(String id) {
        return jdbc.queryForObject("SELECT " + COLUMNS + " FROM dead_letters WHERE id = ?",
                ROW,
                id);
    }

    private static Throwable rootCause(Throwable ex) {
        Throwable cause = ex;
        while (cause.getCause() != null && cause.getCause() != cause) {
            if (cause instanceof PoisonEventException) {
                return cause;
            }
            cause = cause.getCause();
        }
        return cause;
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}

package io.channelops.platform.inbox;

import io.channelops.platform.outbox.EventJson;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;

/**
 * Applies a consumed event exactly once in effect. The event id goes into the consumer's own
 * {@code inbox_events} table in the same transaction as the handler's changes; a duplicate
 * (redelivery after a crash, a replay, an outbox resend) finds its id there and is skipped.
 * Snapshot handlers also skip events whose aggregate version is not newer than the last one
 * applied.
 *
 * <pre>{@code
 * @KafkaListener(topics = Topics.ORDERS)
 * void onOrder(ConsumerRecord<String, String> record) {
 *     inbound.dispatch(record, on -> on.on(OrderApproved.class, reservations::reserve));
 * }
 * }</pre>
 */
public class InboundEvents {

    private static final Logger log = LoggerFactory.getLogger(InboundEvents.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final MeterRegistry meters;

    public InboundEvents(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.meters = meters;
    }

    /** @return true when the event was applied, false when it was skipped */
    public boolean dispatch(ConsumerRecord<String, String> record, UnaryOperator<EventHandlers> registrations) {
        EventEnvelope envelope = EventEnvelope.of(record);
        EventHandlers.Handler<?> handler = registrations.apply(new EventHandlers()).forType(envelope.type());
        if (handler == null) {
            count(envelope, "ignored");
            return false;
        }
        Boolean applied = tx.execute(status -> apply(record, envelope, handler));
        boolean done = Boolean.TRUE.equals(applied);
        count(envelope, done ? "applied" : "duplicate");
        return done;
    }

    private <T> boolean apply(ConsumerRecord<String, String> record, EventEnvelope envelope,
            EventHandlers.Handler<T> handler) {
        try {
            jdbc.update("""
                    INSERT INTO inbox_events (event_id, event_type, aggregate_id, aggregate_version, topic,
                                              received_at)
                    VALUES (?, ?, ?, ?, ?, ?)""",
                    envelope.id(), envelope.type(), envelope.subject(), envelope.aggregateVersion(), record.topic(),
                    Timestamp.from(Instant.now(clock)));
        }
        catch (DuplicateKeyException duplicate) {
            log.debug("Skipping event {} ({}): already applied", envelope.id(), envelope.type());
            return false;
        }
        if (handler.latestOnly() && !newer(envelope)) {
            log.debug("Skipping event {} ({}): version {} is not newer than the one applied", envelope.id(),
                    envelope.type(), envelope.aggregateVersion());
            return false;
        }
        T payload;
        try {
            payload = EventJson.read(record.value(), handler.type());
        }
        catch (JacksonException | IllegalArgumentException ex) {
            throw new PoisonEventException("Payload of " + envelope.type() + " " + envelope.id()
                    + " cannot be read: " + ex.getMessage(), ex);
        }
        handler.action().accept(payload);
        return true;
    }

    private boolean newer(EventEnvelope envelope) {
        String aggregate = envelope.source() + "|" + envelope.subject();
        List<Long> last = jdbc.queryForList(
                "SELECT last_version FROM inbox_aggregate_versions WHERE aggregate_key = ? FOR UPDATE", Long.class,
                aggregate);
        if (last.isEmpty()) {
            jdbc.update("INSERT INTO inbox_aggregate_versions (aggregate_key, last_version) VALUES (?, ?)",
                    aggregate, envelope.aggregateVersion());
            return true;
        }
        if (envelope.aggregateVersion() <= last.getFirst()) {
            return false;
        }
        jdbc.update("UPDATE inbox_aggregate_versions SET last_version = ? WHERE aggregate_key = ?",
                envelope.aggregateVersion(), aggregate);
        return true;
    }

    private void count(EventEnvelope envelope, String outcome) {
        meters.counter("channelops.inbox.events", "type", envelope.type(), "outcome", outcome).increment();
    }
}

package io.channelops.platform.outbox;

import io.channelops.events.DomainEvent;
import io.channelops.events.EventTypes;
import io.channelops.events.Published;
import io.channelops.platform.observability.TraceIds;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.context.event.EventListener;

/**
 * Writes events to the {@code outbox_events} table in the transaction of the change that
 * raised them; {@link OutboxRelay} sends them to Kafka after commit. Appending outside a
 * transaction is a bug and fails loudly: an event must never be published for a change that
 * may roll back.
 *
 * <p>Aggregates that extend Spring Data's {@code AbstractAggregateRoot} and register a
 * {@link DomainEvent} get it appended on {@code save} automatically.
 */
public class Outbox {

    private final JdbcTemplate jdbc;
    private final OutboxRelay relay;
    private final String source;
    private final Clock clock;

    public Outbox(JdbcTemplate jdbc, OutboxRelay relay, String serviceName, Clock clock) {
        this.jdbc = jdbc;
        this.relay = relay;
        this.source = "/channelops/" + serviceName;
        this.clock = clock;
    }

    /**
     * Spring Data publishes registered domain events on save, inside the repository's
     * transaction. A plain (not transactional) listener on purpose: the outbox row must commit
     * or roll back with the change.
     */
    @EventListener
    public void on(DomainEvent event) {
        append(event);
    }

    public void append(DomainEvent event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException(
                    "Events must be appended inside the transaction of the change: " + event.getClass().getName());
        }
        Published published = EventTypes.published(event.getClass());
        String type = EventTypes.typeOf(event.getClass());
        String aggregateType = published.service() + "." + published.topic();
        jdbc.update("""
                INSERT INTO outbox_aggregate_versions (aggregate_type, aggregate_id, last_version) VALUES (?, ?, 1)
                ON DUPLICATE KEY UPDATE last_version = last_version + 1""", aggregateType, event.aggregateId());
        Long version = jdbc.queryForObject(
                "SELECT last_version FROM outbox_aggregate_versions WHERE aggregate_type = ? AND aggregate_id = ?",
                Long.class, aggregateType, event.aggregateId());
        jdbc.update("""
                INSERT INTO outbox_events (event_id, topic, message_key, event_type, source, aggregate_version,
                                           payload, traceparent, occurred_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                UUID.randomUUID().toString(), published.topic(), event.aggregateId(), type, source, version,
                EventJson.write(event), TraceIds.traceparent(), Timestamp.from(Instant.now(clock)));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.wakeUp();
            }
        });
    }
}

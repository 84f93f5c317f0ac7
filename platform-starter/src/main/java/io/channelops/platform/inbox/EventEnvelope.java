package io.channelops.platform.inbox;

import io.channelops.platform.outbox.CloudEvents;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;

/** The CloudEvents attributes of a consumed record, read from its {@code ce_*} headers. */
public record EventEnvelope(String id, String type, String source, String subject, long aggregateVersion) {

    /** @throws PoisonEventException when a required attribute is missing: such a record can never be processed */
    public static EventEnvelope of(ConsumerRecord<?, ?> record) {
        String id = required(record, CloudEvents.ID);
        String type = required(record, CloudEvents.TYPE);
        String source = required(record, CloudEvents.SOURCE);
        String subject = required(record, CloudEvents.SUBJECT);
        String version = header(record, CloudEvents.AGGREGATE_VERSION);
        long aggregateVersion;
        try {
            aggregateVersion = version == null ? 0 : Long.parseLong(version);
        }
        catch (NumberFormatException ex) {
            throw new PoisonEventException("ce_aggregateversion is not a number: " + version, ex);
        }
        return new EventEnvelope(id, type, source, subject, aggregateVersion);
    }

    static @Nullable String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String required(ConsumerRecord<?, ?> record, String name) {
        String value = header(record, name);
        if (value == null || value.isBlank()) {
            throw new PoisonEventException("Record has no " + name + " header; not a ChannelOps event", null);
        }
        return value;
    }
}

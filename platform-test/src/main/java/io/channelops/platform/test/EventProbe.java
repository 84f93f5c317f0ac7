package io.channelops.platform.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import io.channelops.events.DomainEvent;
import io.channelops.events.EventTypes;
import io.channelops.events.Published;
import io.channelops.platform.outbox.CloudEvents;
import io.channelops.platform.outbox.EventJson;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes raw records on the shared test broker: to see what a service published
 * (with its CloudEvents headers) and to feed a service events as another service would.
 */
public final class EventProbe {

    private EventProbe() {
    }

    /** Waits up to {@code timeout} for a record on {@code topic} that matches, reading from the beginning. */
    public static ConsumerRecord<String, String> await(String topic, Predicate<ConsumerRecord<String, String>> match,
            Duration timeout) {
        List<ConsumerRecord<String, String>> found = collect(topic, match, 1, timeout);
        if (found.isEmpty()) {
            throw new AssertionError("No matching record on " + topic + " within " + timeout);
        }
        return found.getFirst();
    }

    /** Every matching record on {@code topic} seen within {@code window}, reading from the beginning. */
    public static List<ConsumerRecord<String, String>> collect(String topic,
            Predicate<ConsumerRecord<String, String>> match, int stopAfter, Duration window) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(window);
            while (Instant.now().isBefore(deadline) && found.size() < stopAfter) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (match.test(record)) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    /** Publishes a record with the given headers, waiting for the broker's acknowledgement. */
    public static void send(String topic, String key, String value, Map<String, String> headers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, v) -> record.headers().add(new RecordHeader(name, v.getBytes(StandardCharsets.UTF_8))));
            producer.send(record).get();
        }
        catch (Exception ex) {
            throw new IllegalStateException("Cannot send test record to " + topic, ex);
        }
    }

    /**
     * Publishes {@code event} exactly as a producing service's outbox relay would: CloudEvents
     * headers, aggregate id as key, JSON payload.
     *
     * @return the event id ({@code ce_id})
     */
    public static String publish(DomainEvent event, long aggregateVersion) {
        String eventId = UUID.randomUUID().toString();
        publish(event, eventId, aggregateVersion);
        return eventId;
    }

    /** Publishes {@code event} with a given event id, e.g. to deliver the same event twice. */
    public static void publish(DomainEvent event, String eventId, long aggregateVersion) {
        Published published = EventTypes.published(event.getClass());
        send(published.topic(), event.aggregateId(), EventJson.write(event), Map.of(
                CloudEvents.SPEC_VERSION, "1.0",
                CloudEvents.ID, eventId,
                CloudEvents.SOURCE, "/channelops/" + published.service(),
                CloudEvents.TYPE, EventTypes.typeOf(event.getClass()),
                CloudEvents.TIME, Instant.now().toString(),
                CloudEvents.SUBJECT, event.aggregateId(),
                CloudEvents.AGGREGATE_VERSION, Long.toString(aggregateVersion),
                CloudEvents.CONTENT_TYPE, "application/json"));
    }

    /** Reads the JSON payload of a consumed record as an event record. */
    public static <T> T payload(ConsumerRecord<String, String> record, Class<T> type) {
        return EventJson.read(record.value(), type);
    }

    /** The value of a header, or null. */
    public static @Nullable String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

package io.channelops.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.junit.jupiter.api.Test;

/** Every dead letter counts once in {@code channelops.dead.letters}, under the topic it was consumed from. */
class DeadLettersTest {

    /** Keeps what would be written instead of writing it; can be told to fail. */
    private static final class RecordingJdbc extends JdbcTemplate {

        final List<Object[]> inserts = new ArrayList<>();
        boolean failing;

        @Override
        public int update(String sql, Object... args) {
            if (failing) {
                throw new DataAccessResourceFailureException("database down");
            }
            inserts.add(args);
            return 1;
        }
    }

    /** Acknowledges every send at once. */
    private static final class RecordingKafka extends KafkaTemplate<String, String> {

        final List<ProducerRecord<String, String>> sent = new ArrayList<>();

        RecordingKafka() {
            super(new DefaultKafkaProducerFactory<>(Map.of()));
        }

        @Override
        public CompletableFuture<SendResult<String, String>> send(ProducerRecord<String, String> record) {
            sent.add(record);
            return CompletableFuture.completedFuture(new SendResult<>(record, null));
        }
    }

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RecordingJdbc jdbc = new RecordingJdbc();
    private final RecordingKafka kafka = new RecordingKafka();
    private final DeadLetters deadLetters = new DeadLetters(jdbc, kafka, Clock.systemUTC(), meters);

    private static ConsumerRecord<String, String> record(String topic) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(topic, 0, 42L, "order-1", "{}");
        record.headers().add("ce_id", "event-1".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private double count(String topic) {
        var counter = meters.find(DeadLetters.METRIC).tag("topic", topic).counter();
        return counter == null ? -1 : counter.count();
    }

    @Test
    void registersTheSeriesOfEveryListenedTopicAtZero() {
        deadLetters.registerTopics(List.of("order.orders", "logistics.shipments"));
        assertThat(count("order.orders")).isZero();
        assertThat(count("logistics.shipments")).isZero();
    }

    @Test
    void countsEachDeadLetterOnceUnderItsOriginalTopic() {
        deadLetters.registerTopics(List.of("order.orders", "logistics.shipments"));
        deadLetters.accept(record("order.orders"), new PoisonEventException("unreadable", null));
        deadLetters.accept(record("order.orders"), new IllegalStateException("handler failed"));

        assertThat(count("order.orders")).isEqualTo(2);
        assertThat(count("logistics.shipments")).isZero();
        assertThat(jdbc.inserts).hasSize(2);
        assertThat(kafka.sent).extracting(ProducerRecord::topic).containsExactly("order.orders.dlt",
                "order.orders.dlt");
    }

    @Test
    void countsNothingWhenTheDeadLetterCannotBeStored() {
        deadLetters.registerTopics(List.of("order.orders"));
        jdbc.failing = true;
        assertThatThrownBy(() -> deadLetters.accept(record("order.orders"), new IllegalStateException("failed")))
                .isInstanceOf(DataAccessResourceFailureException.class);
        assertThat(count("order.orders")).isZero();
    }
}

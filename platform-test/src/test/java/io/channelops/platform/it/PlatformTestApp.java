package io.channelops.platform.it;

import io.channelops.platform.inbox.InboundEvents;
import io.channelops.platform.outbox.Outbox;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A minimal service on the platform, to test the platform itself. */
@SpringBootApplication
public class PlatformTestApp {

    static final String WIDGETS = "test.widgets";

    /** Writes widgets and their events. */
    @Component
    public static class Widgets {

        private final JdbcTemplate jdbc;
        private final Outbox outbox;

        Widgets(JdbcTemplate jdbc, Outbox outbox) {
            this.jdbc = jdbc;
            this.outbox = outbox;
        }

        @Transactional
        public String create(String name, int events, boolean failAfterwards) {
            String id = UUID.randomUUID().toString();
            jdbc.update("INSERT INTO widgets (id, name) VALUES (?, ?)", id, name);
            for (int i = 1; i <= events; i++) {
                outbox.append(new WidgetCreated(id, name, i));
            }
            if (failAfterwards) {
                throw new IllegalStateException("rolled back on purpose");
            }
            return id;
        }
    }

    /** Consumes widget events idempotently; a widget named "poison" always fails. */
    @Component
    public static class WidgetListener {

        private final InboundEvents inbound;
        private final JdbcTemplate jdbc;

        WidgetListener(InboundEvents inbound, JdbcTemplate jdbc) {
            this.inbound = inbound;
            this.jdbc = jdbc;
        }

        @KafkaListener(topics = WIDGETS)
        void on(ConsumerRecord<String, String> record) {
            String eventId = new String(record.headers().lastHeader("ce_id").value());
            inbound.dispatch(record, on -> on.on(WidgetCreated.class, event -> {
                if (event.name().startsWith("poison")) {
                    throw new IllegalStateException("cannot digest " + event.name());
                }
                jdbc.update("INSERT INTO widget_effects (event_id, name) VALUES (?, ?)", eventId, event.name());
            }));
        }
    }
}

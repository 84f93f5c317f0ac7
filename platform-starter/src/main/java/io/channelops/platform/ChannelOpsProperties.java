package io.channelops.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the platform, under {@code channelops.*}. Every one has a safe local default.
 *
 * @param service the service's short name ({@code order}) and database
 * @param web request limits and idempotency
 * @param outbox relay tuning
 * @param kafka consumer retries before a record is dead-lettered
 * @param inboxRetention how long consumed event ids are kept (well beyond Kafka's retention)
 */
@ConfigurationProperties("channelops")
public record ChannelOpsProperties(Service service, Web web, OutboxSettings outbox, Kafka kafka,
        Duration inboxRetention) {

    public record Service(String name, String database) {
    }

    public record Web(long maxBodySize, Duration idempotencyWait, Duration idempotencyAbandonedAfter,
            Duration idempotencyRetention) {
    }

    public record OutboxSettings(int batchSize, Duration pollInterval, Duration sendTimeout, Duration retention) {
    }

    public record Kafka(int retryAttempts, Duration retryInitialInterval, Duration retryMaxInterval) {
    }
}

package io.channelops.platform.persistence;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Trims the platform's bookkeeping tables: completed idempotency keys after their replay window,
 * inbox rows long after Kafka could redeliver their event. Deletes in small batches; running on
 * several replicas at once is harmless.
 */
public class Housekeeping implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration idempotencyRetention;
    private final Duration inboxRetention;
    private @Nullable ScheduledExecutorService scheduler;

    public Housekeeping(JdbcTemplate jdbc, Clock clock, Duration idempotencyRetention, Duration inboxRetention) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.idempotencyRetention = idempotencyRetention;
        this.inboxRetention = inboxRetention;
    }

    /** One round; returns how many rows were deleted. */
    public int runOnce() {
        Instant now = Instant.now(clock);
        int keys = jdbc.update("DELETE FROM idempotency_keys WHERE state = 'COMPLETED' AND completed_at < ? LIMIT 5000",
                Timestamp.from(now.minus(idempotencyRetention)));
        int inbox = jdbc.update("DELETE FROM inbox_events WHERE received_at < ? LIMIT 5000",
                Timestamp.from(now.minus(inboxRetention)));
        if (keys + inbox > 0) {
            log.info("Housekeeping removed {} idempotency keys and {} inbox rows", keys, inbox);
        }
        return keys + inbox;
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofVirtual().name("platform-housekeeping").factory());
        executor.scheduleWithFixedDelay(() -> {
            try {
                runOnce();
            }
            catch (RuntimeException ex) {
                log.warn("Housekeeping round failed; next round in 10 minutes: {}", ex.toString());
            }
        }, 1, 10, TimeUnit.MINUTES);
        scheduler = executor;
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}

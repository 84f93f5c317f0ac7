package io.channelops.sales.opportunity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The service's clock in the pipeline tests: the system clock until a test sets it to a fixed instant. Tests only
 * ever set it into the past (the platform's housekeeping then deletes nothing it would not delete anyway) and
 * {@link #reset} it afterwards. Every test class importing {@link Config} shares one application context.
 */
public final class PipelineClock extends Clock {

    private final AtomicReference<@Nullable Instant> fixed = new AtomicReference<>();

    /** Stops the clock at {@code instant}. */
    public void set(Instant instant) {
        fixed.set(instant);
    }

    /** Moves a stopped clock on. */
    public void advance(Duration duration) {
        Instant now = fixed.get();
        if (now == null) {
            throw new IllegalStateException("Set the clock before advancing it");
        }
        fixed.set(now.plus(duration));
    }

    /** Back to the system clock. */
    public void reset() {
        fixed.set(null);
    }

    @Override
    public Instant instant() {
        Instant now = fixed.get();
        return now == null ? Instant.now() : now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        PipelineClock clock = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return clock.withZone(other);
            }

            @Override
            public Instant instant() {
                return clock.instant();
            }
        };
    }

    /** Makes {@link PipelineClock} the service's clock. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        @Primary
        PipelineClock pipelineClock() {
            return new PipelineClock();
        }
    }
}

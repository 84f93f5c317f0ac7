package io.channelops.customer.ownership;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The open pool, under {@code channelops.customer.pool.*}.
 *
 * @param reclaimAfterDays a prospect nobody touched for this many days returns to its org unit's pool
 * @param claimLimit how many claimed prospects one user may hold at once
 * @param reclaimInterval pause between two runs of the reclaim job (the first run waits as long after start-up)
 * @param reclaimBatchSize customers one run of the reclaim job returns at most; the rest wait for the next run
 */
@ConfigurationProperties("channelops.customer.pool")
public record PoolSettings(@DefaultValue("30") int reclaimAfterDays, @DefaultValue("50") int claimLimit,
        @DefaultValue("1h") Duration reclaimInterval, @DefaultValue("500") int reclaimBatchSize) {

    public PoolSettings {
        if (reclaimAfterDays < 1) {
            throw new IllegalArgumentException("channelops.customer.pool.reclaim-after-days must be at least 1");
        }
        if (claimLimit < 0) {
            throw new IllegalArgumentException("channelops.customer.pool.claim-limit must not be negative");
        }
        if (reclaimBatchSize < 1) {
            throw new IllegalArgumentException("channelops.customer.pool.reclaim-batch-size must be at least 1");
        }
    }

    /** The reason written to the history and the event when the job returns a customer. */
    String reclaimReason() {
        return "no activity for " + reclaimAfterDays + " days";
    }
}

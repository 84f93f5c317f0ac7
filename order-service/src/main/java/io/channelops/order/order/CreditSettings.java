package io.channelops.order.order;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The background credit re-check of {@code CREDIT_CHECK_PENDING} orders, under
 * {@code channelops.credit.*}.
 *
 * @param recheckInterval pause between two runs of the re-check
 * @param recheckBatchSize orders one run takes at most
 * @param recheckLease how long a claimed order stays reserved to the replica re-checking it
 * @param recheckBackoff wait after the first failed check; doubled after each further one
 * @param recheckBackoffMax longest wait between two checks of one order
 */
@ConfigurationProperties("channelops.credit")
public record CreditSettings(Duration recheckInterval, int recheckBatchSize, Duration recheckLease,
        Duration recheckBackoff, Duration recheckBackoffMax) {

    /** Wait before the next check of an order that has had {@code attempts} failed checks. */
    Duration backoff(int attempts) {
        Duration wait = recheckBackoff;
        for (int i = 1; i < attempts && wait.compareTo(recheckBackoffMax) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(recheckBackoffMax) > 0 ? recheckBackoffMax : wait;
    }
}

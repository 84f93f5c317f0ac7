package io.channelops.customer.task;

import io.channelops.customer.customer.CustomerLevel;
import io.channelops.customer.customer.CustomerStatus;
import io.channelops.platform.security.Ownership;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A customer nobody has followed up for longer than its level allows and that has no open task.
 *
 * @param lastActivityAt its last activity, null when it never had one
 * @param lastTouchAt its last activity, or when it was registered if it never had one
 * @param daysWithoutFollowUp whole days since {@code lastTouchAt}
 * @param followUpDays the days its level allows
 */
public record NeglectedCustomer(String customerId, String code, String name, CustomerLevel level,
        CustomerStatus status, Ownership ownership, @Nullable Instant lastActivityAt, Instant lastTouchAt,
        long daysWithoutFollowUp, int followUpDays) {
}

package io.channelops.customer.activity;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a client reports about an activity. {@code durationMinutes}, {@code location} and {@code purpose} are the visit
 * report's fields (any type may carry them); {@code contactIds} are contacts of the same customer.
 */
public record ActivityReport(ActivityType type, Instant occurredAt, String subject, @Nullable String details,
        @Nullable String outcome, @Nullable String nextStep, @Nullable Integer durationMinutes,
        @Nullable String location, @Nullable String purpose, Set<String> contactIds) {

    public ActivityReport {
        contactIds = Set.copyOf(contactIds);
    }
}

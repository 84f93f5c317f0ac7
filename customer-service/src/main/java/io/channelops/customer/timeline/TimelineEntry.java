package io.channelops.customer.timeline;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import org.jspecify.annotations.Nullable;

/**
 * One thing that happened to a customer. {@code kind} says where it comes from, {@code ref} is the id of that record
 * (activity, revision number, assignment, case, order, payment), {@code type} its sub-kind (VISIT, CHANGED,
 * CLAIMED, COMPLAINT, ...), {@code actor} who did it when known, {@code amount}/{@code currency} for orders and
 * payments.
 */
public record TimelineEntry(Instant at, Kind kind, String ref, String type, String title, @Nullable String actor,
        @Nullable BigDecimal amount, @Nullable String currency) {

    /** Where an entry comes from. */
    public enum Kind {
        ACTIVITY, CHANGE, OWNERSHIP, CASE, ORDER, PAYMENT
    }

    /** Newest first; entries of the same instant by kind, then ref: a total order, so pages never overlap. */
    public static final Comparator<TimelineEntry> NEWEST_FIRST = Comparator.comparing(TimelineEntry::at).reversed()
            .thenComparing(TimelineEntry::kind).thenComparing(TimelineEntry::ref);
}

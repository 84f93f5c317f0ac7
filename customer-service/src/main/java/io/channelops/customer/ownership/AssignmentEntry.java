package io.channelops.customer.ownership;

import io.channelops.platform.security.Ownership;
import java.time.Instant;

/** One row of a customer's assignment history: from which owner to which, how, why, by whom and when. */
public record AssignmentEntry(String id, String customerId, AssignmentKind kind, Ownership from, Ownership to,
        String reason, String assignedBy, Instant assignedAt) {

    /** True when the customer went into the open pool with this change. */
    public boolean toOpenPool() {
        return kind == AssignmentKind.RETURNED_TO_POOL || kind == AssignmentKind.RELEASED_TO_POOL;
    }
}

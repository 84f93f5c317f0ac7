package io.channelops.sales.assignment;

import io.channelops.platform.security.Ownership;
import org.jspecify.annotations.Nullable;

/**
 * Where a new lead goes: to an owner, or into a queue.
 *
 * @param ownership the owner and their org path; for a queued lead the queue owner and the queue's org path
 * @param ruleId the rule that decided, or null when none matched
 * @param queued true when no user could take the lead
 */
public record Route(Ownership ownership, @Nullable String ruleId, boolean queued) {
}

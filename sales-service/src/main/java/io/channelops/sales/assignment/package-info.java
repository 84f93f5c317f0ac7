/**
 * Routing of new leads without an owner: assignment rules (region → team org path, round-robin among the team's
 * active reps or a fixed user) and the replica-safe round-robin pointer. Knows nothing about the lead aggregate.
 */
@NullMarked
package io.channelops.sales.assignment;

import org.jspecify.annotations.NullMarked;

package io.channelops.sales.assignment;

/** How a rule picks the owner of a lead within its team. */
public enum AssignmentStrategy {
    /** The next active rep of the team, in turn (by user id), shared by every replica. */
    ROUND_ROBIN,
    /** Always the rule's fixed user, while they are active. */
    FIXED_USER
}

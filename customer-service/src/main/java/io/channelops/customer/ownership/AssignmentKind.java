package io.channelops.customer.ownership;

/** How a change of a customer's owner came about; stored with each row of the assignment history. */
public enum AssignmentKind {
    /** A manager or director assigned the customer (alone or in a bulk assignment). */
    ASSIGNED,
    /** Moved with every other customer of its owner (a leaving rep's hand-over). */
    TRANSFERRED,
    /** The reclaim job returned the untouched prospect to its org unit's open pool. */
    RETURNED_TO_POOL,
    /** A manager put the customer back into the open pool. */
    RELEASED_TO_POOL,
    /** A user claimed the customer from the open pool. */
    CLAIMED
}

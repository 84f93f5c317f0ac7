package io.channelops.customer.servicecase;

/**
 * Where a case is: {@code OPEN → IN_PROGRESS → RESOLVED → CLOSED}; a resolved case can be {@code REOPENED} (then
 * started or resolved again); {@code CLOSED} is final.
 */
public enum CaseStatus {
    OPEN, IN_PROGRESS, RESOLVED, REOPENED, CLOSED;

    /** Still waiting for a resolution. */
    public boolean unresolved() {
        return this == OPEN || this == IN_PROGRESS || this == REOPENED;
    }
}

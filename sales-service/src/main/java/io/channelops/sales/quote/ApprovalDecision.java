package io.channelops.sales.quote;

/** One entry of a quote's approval record. */
public enum ApprovalDecision {
    /** Submitted with reasons that need a manager's approval. */
    REQUESTED,
    /** Submitted without such reasons: approved on submit. */
    AUTO_APPROVED,
    /** A manager approved it. */
    APPROVED,
    /** A manager refused it. */
    REJECTED
}

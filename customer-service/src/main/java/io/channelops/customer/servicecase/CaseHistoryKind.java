package io.channelops.customer.servicecase;

/** What a row of a case's history records. */
public enum CaseHistoryKind {
    /** The case was opened (to status OPEN). */
    OPENED,
    /** The case was given to a user (the note names them). */
    ASSIGNED,
    /** The status changed (from, to, with an optional note: the resolution when resolved). */
    STATUS_CHANGED,
    /** Someone commented (the note is the comment). */
    COMMENTED
}

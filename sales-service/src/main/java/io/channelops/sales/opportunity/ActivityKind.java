package io.channelops.sales.opportunity;

/** What kind of work was logged on an opportunity. */
public enum ActivityKind {
    NOTE, CALL, EMAIL, MEETING, VISIT
}

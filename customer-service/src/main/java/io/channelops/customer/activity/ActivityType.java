package io.channelops.customer.activity;

/** What kind of touch with a customer an activity records. */
public enum ActivityType {
    VISIT, CALL, EMAIL, MEETING, NOTE
}

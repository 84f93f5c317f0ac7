package io.channelops.platform.outbox;

/**
 * CloudEvents 1.0 in the Kafka protocol binding's binary mode: the attributes travel as
 * {@code ce_*} headers, the record value is the JSON payload, the key is the aggregate id.
 */
public final class CloudEvents {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    /** Extension: the sequence number of this event among its aggregate's events, from 1. */
    public static final String AGGREGATE_VERSION = "ce_aggregateversion";
    /** Extension: W3C trace context of the change that raised the event. */
    public static final String TRACEPARENT = "ce_traceparent";
    public static final String CONTENT_TYPE = "content-type";
    /** Plain W3C header too, so tracing instrumentation on the consumer continues the trace. */
    public static final String W3C_TRACEPARENT = "traceparent";

    private CloudEvents() {
    }
}

package io.channelops.events;

/**
 * An event published by a ChannelOps service. Its {@link #aggregateId()} becomes the
 * CloudEvents {@code subject} and the Kafka record key, so one aggregate's events stay in
 * order on one partition.
 */
public interface DomainEvent {

    /** Id of the aggregate whose change this event records. */
    String aggregateId();
}

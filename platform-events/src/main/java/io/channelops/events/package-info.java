/**
 * The events ChannelOps services publish: one record per event, one package per producing
 * service, and the topic names. Contract only: no Spring beans, no logic. Evolution is
 * additive; a breaking change is a new event type.
 */
@NullMarked
package io.channelops.events;

import org.jspecify.annotations.NullMarked;

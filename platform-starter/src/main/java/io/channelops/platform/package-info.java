/**
 * Technical glue every ChannelOps service shares: problem details, paging, idempotent
 * creates, the transactional outbox and its relay, idempotent event consumers with dead
 * letters, and observability defaults. No domain code lives here.
 */
@NullMarked
package io.channelops.platform;

import org.jspecify.annotations.NullMarked;

/**
 * The embedded ChannelOps platform for a laptop and for system tests: one MariaDB server with a
 * database and user per service, one KRaft Kafka broker, then every service as its own JVM.
 * {@link io.channelops.localstack.LocalStack} is the Java API; {@link
 * io.channelops.localstack.LocalStackLauncher} is {@code ./channelops up}.
 */
@NullMarked
package io.channelops.localstack;

import org.jspecify.annotations.NullMarked;

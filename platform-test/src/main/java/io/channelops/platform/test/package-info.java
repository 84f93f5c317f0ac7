/**
 * Test fixtures shared by every service: one real MariaDB server and one real KRaft Kafka
 * broker per test JVM, started on first use and reused by every Spring context.
 */
@NullMarked
package io.channelops.platform.test;

import org.jspecify.annotations.NullMarked;

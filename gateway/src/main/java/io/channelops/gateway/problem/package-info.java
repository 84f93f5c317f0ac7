/**
 * RFC 9457 problem details for what the gateway itself answers (no route, service unavailable,
 * timeout, unexpected errors), in English or Chinese by {@code Accept-Language}. Problems that a
 * service answers pass through the gateway untouched.
 */
@NullMarked
package io.channelops.gateway.problem;

import org.jspecify.annotations.NullMarked;

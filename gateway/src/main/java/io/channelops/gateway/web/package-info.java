/**
 * Cross-cutting web filters that run for every request, routed or not: the request id and CORS.
 * The token check (package {@code security}, Spring Security's {@code SecurityWebFilterChain}) runs after both.
 */
@NullMarked
package io.channelops.gateway.web;

import org.jspecify.annotations.NullMarked;

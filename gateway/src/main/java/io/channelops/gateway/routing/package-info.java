/**
 * Routes to the services: one API route and one API-docs route per service, each with its
 * response and connect timeouts (route metadata) and a circuit breaker per service whose
 * fallback answers {@code 503 SERVICE_UNAVAILABLE} or {@code 504 GATEWAY_TIMEOUT}.
 */
@NullMarked
package io.channelops.gateway.routing;

import org.jspecify.annotations.NullMarked;

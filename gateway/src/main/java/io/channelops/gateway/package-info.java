/**
 * The ChannelOps gateway (Spring Cloud Gateway Server WebFlux). Features live in sub-packages:
 * {@code routing} (service routes, timeouts, circuit breakers, fallbacks), {@code web}
 * (request ids, CORS), {@code security} (the token check) and {@code problem} (problem+json
 * answers for gateway-side failures).
 */
@NullMarked
package io.channelops.gateway;

import org.jspecify.annotations.NullMarked;

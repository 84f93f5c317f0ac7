/**
 * The token check: the gateway is an OAuth2 resource server. Every exchange needs a valid access token
 * of identity-service (RS256, issuer, audience, expiry) except health probes, the API docs and Swagger UI
 * and CORS preflights; the actuator beyond health also needs the {@code metrics:read} scope or the
 * {@code ADMIN} role. Refusals are problem+json ({@code 401 UNAUTHENTICATED}, {@code 403 ACCESS_DENIED}).
 * The token travels on to the service unchanged, which checks it again.
 */
@NullMarked
package io.channelops.gateway.security;

import org.jspecify.annotations.NullMarked;

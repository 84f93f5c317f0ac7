/**
 * customer-service as sales-service uses it: the duplicate lookups behind lead capture and the customer and contact
 * creation behind lead conversion (OpenFeign behind a Resilience4j circuit breaker, the caller's token relayed).
 */
@NullMarked
package io.channelops.sales.customerclient;

import org.jspecify.annotations.NullMarked;

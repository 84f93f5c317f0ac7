/** Prices of order lines, from sales-service's effective price (OpenFeign behind a circuit breaker and retry). */
@NullMarked
package io.channelops.order.pricing;

import org.jspecify.annotations.NullMarked;

/** The credit gate: finance-service's credit check (OpenFeign behind a circuit breaker and retry), never failing an order. */
@NullMarked
package io.channelops.order.credit;

import org.jspecify.annotations.NullMarked;

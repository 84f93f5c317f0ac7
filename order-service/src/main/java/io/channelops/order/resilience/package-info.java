/** Technical glue: Resilience4j circuit breakers and retries for the clients of other services, built from channelops.clients.* settings, with Micrometer metrics. */
@NullMarked
package io.channelops.order.resilience;

import org.jspecify.annotations.NullMarked;

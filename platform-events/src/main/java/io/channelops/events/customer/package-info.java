/** Events published by customer-service. */
@NullMarked
package io.channelops.events.customer;

import org.jspecify.annotations.NullMarked;

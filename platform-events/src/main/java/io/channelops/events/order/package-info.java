/** Events published by order-service. */
@NullMarked
package io.channelops.events.order;

import org.jspecify.annotations.NullMarked;

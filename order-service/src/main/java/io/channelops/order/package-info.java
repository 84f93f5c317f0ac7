/** order-service: sales orders, their price and credit gates, and their fulfilment status. */
@NullMarked
package io.channelops.order;

import org.jspecify.annotations.NullMarked;

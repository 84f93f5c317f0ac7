/** Listens to logistics events: stock shortages back-order an order, dispatched shipments ship it. */
@NullMarked
package io.channelops.order.fulfilment;

import org.jspecify.annotations.NullMarked;

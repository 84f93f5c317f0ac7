/** REST API of orders. */
@NullMarked
package io.channelops.order.order.web;

import org.jspecify.annotations.NullMarked;

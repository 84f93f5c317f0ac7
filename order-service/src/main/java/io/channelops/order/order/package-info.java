/** Orders: the aggregate, its life cycle, and the use cases that drive it (create, submit, release, cancel, credit re-check, fulfilment). */
@NullMarked
package io.channelops.order.order;

import org.jspecify.annotations.NullMarked;

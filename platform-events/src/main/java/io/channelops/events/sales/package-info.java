/** Events published by sales-service. */
@NullMarked
package io.channelops.events.sales;

import org.jspecify.annotations.NullMarked;

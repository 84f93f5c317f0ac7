/** Events published by finance-service. */
@NullMarked
package io.channelops.events.finance;

import org.jspecify.annotations.NullMarked;

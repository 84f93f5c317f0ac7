/** Events published by logistics-service. */
@NullMarked
package io.channelops.events.logistics;

import org.jspecify.annotations.NullMarked;

/** Events published by identity-service. */
@NullMarked
package io.channelops.events.identity;

import org.jspecify.annotations.NullMarked;

@NullMarked
package io.channelops.platform.inbox;

import org.jspecify.annotations.NullMarked;

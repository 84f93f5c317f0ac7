@NullMarked
package io.channelops.platform.outbox;

import org.jspecify.annotations.NullMarked;

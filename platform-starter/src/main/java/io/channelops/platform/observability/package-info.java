@NullMarked
package io.channelops.platform.observability;

import org.jspecify.annotations.NullMarked;

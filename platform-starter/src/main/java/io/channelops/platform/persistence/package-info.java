@NullMarked
package io.channelops.platform.persistence;

import org.jspecify.annotations.NullMarked;

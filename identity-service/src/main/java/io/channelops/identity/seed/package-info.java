/** The local profile's demo company. */
@NullMarked
package io.channelops.identity.seed;

import org.jspecify.annotations.NullMarked;

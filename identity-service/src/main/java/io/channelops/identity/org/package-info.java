/** The org tree: org units with a materialised path. */
@NullMarked
package io.channelops.identity.org;

import org.jspecify.annotations.NullMarked;

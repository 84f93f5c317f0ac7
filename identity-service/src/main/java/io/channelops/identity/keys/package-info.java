/** RS256 signing keys kept in the database, published as JWKS and rotated without downtime. */
@NullMarked
package io.channelops.identity.keys;

import org.jspecify.annotations.NullMarked;

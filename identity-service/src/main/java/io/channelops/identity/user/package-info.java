/** User accounts: roles, org unit, password, lock-out, deactivation. */
@NullMarked
package io.channelops.identity.user;

import org.jspecify.annotations.NullMarked;

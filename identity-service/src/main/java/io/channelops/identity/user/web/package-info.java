/** {@code /api/v1/admin/users}. */
@NullMarked
package io.channelops.identity.user.web;

import org.jspecify.annotations.NullMarked;

/**
 * Every service is an OAuth2 resource server: the caller ({@link io.channelops.platform.security.CurrentUser}),
 * what they may do (permissions from roles or client scopes) and what they may see
 * ({@link io.channelops.platform.security.DataScope} over each record's
 * {@link io.channelops.platform.security.Ownership}).
 */
@NullMarked
package io.channelops.platform.security;

import org.jspecify.annotations.NullMarked;

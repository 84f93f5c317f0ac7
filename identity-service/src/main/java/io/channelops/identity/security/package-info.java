/** The three security filter chains: authorization server, admin API (resource server), login. */
@NullMarked
package io.channelops.identity.security;

import org.jspecify.annotations.NullMarked;

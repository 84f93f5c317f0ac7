/** identity-service: the OAuth2 / OIDC authorization server, users and the org tree. */
@NullMarked
package io.channelops.identity;

import org.jspecify.annotations.NullMarked;

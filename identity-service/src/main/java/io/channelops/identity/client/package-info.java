/** OAuth2 clients: confidential client-credentials clients and public PKCE clients. */
@NullMarked
package io.channelops.identity.client;

import org.jspecify.annotations.NullMarked;

/** An in-JVM token issuer for tests: real RS256 JWTs with identity-service's claims, and the tokens that must fail. */
@NullMarked
package io.channelops.platform.test.tokens;

import org.jspecify.annotations.NullMarked;

package io.channelops.gateway.security;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Whose access tokens the gateway accepts ({@code channelops.security.*}).
 *
 * @param issuer the {@code iss} every token must carry: identity-service's issuer URL
 * @param jwkSetUri where identity-service publishes its signing keys; fetched on the first token, not at start-up
 * @param audience a value the token's {@code aud} must contain
 */
@ConfigurationProperties("channelops.security")
public record TokenCheckProperties(String issuer, URI jwkSetUri, String audience) {

    public TokenCheckProperties {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("channelops.security.issuer must be set");
        }
        if (jwkSetUri == null) {
            throw new IllegalArgumentException("channelops.security.jwk-set-uri must be set");
        }
        if (audience == null || audience.isBlank()) {
            throw new IllegalArgumentException("channelops.security.audience must be set");
        }
    }
}

package io.channelops.platform.security;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code channelops.security.*}: where tokens come from and what roles mean.
 *
 * @param issuer the {@code iss} every token must carry ({@code ISSUER_URL})
 * @param jwkSetUri where the issuer publishes its signing keys ({@code JWKS_URI}); fetched on first use, refreshed
 *     when a token names an unknown key id (key rotation)
 * @param audience the {@code aud} every token must contain ({@code TOKEN_AUDIENCE})
 * @param tokenUri the issuer's token endpoint, for the service's own client-credentials token
 * @param clientId the service's own client id ({@code SERVICE_CLIENT_ID}); used for calls made by background and
 *     event-driven work, where there is no caller's token to relay
 * @param clientSecret its secret ({@code SERVICE_CLIENT_SECRET}); blank when the service calls no other service
 * @param clientScopes the scopes it asks for ({@code SERVICE_CLIENT_SCOPES}); the authorization server grants
 *     none that are not asked for
 * @param roles each role's permissions and scope level
 */
@ConfigurationProperties("channelops.security")
public record SecurityProperties(String issuer, String jwkSetUri, String audience, String tokenUri, String clientId,
        String clientSecret, List<String> clientScopes, Map<String, Role> roles) {

    public record Role(List<String> permissions, ScopeLevel scope) {
        public Role {
            permissions = permissions == null ? List.of() : List.copyOf(permissions);
            scope = scope == null ? ScopeLevel.OWN : scope;
        }
    }

    public SecurityProperties {
        roles = roles == null ? Map.of() : Map.copyOf(roles);
        clientSecret = clientSecret == null ? "" : clientSecret;
        clientScopes = clientScopes == null ? List.of()
                : clientScopes.stream().map(String::strip).filter(scope -> !scope.isEmpty()).toList();
    }
}

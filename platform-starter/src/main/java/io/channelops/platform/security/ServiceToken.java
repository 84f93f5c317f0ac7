package io.channelops.platform.security;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * This service's own access token (client-credentials grant against identity-service), for calls that no caller
 * started: background jobs and event listeners. Spring Security's OAuth2 client caches it and fetches a new one
 * shortly before it expires.
 */
public final class ServiceToken {

    private static final String REGISTRATION = "channelops-service";

    private final AuthorizedClientServiceOAuth2AuthorizedClientManager manager;
    private final String clientId;
    private final boolean configured;

    public ServiceToken(SecurityProperties properties) {
        this.clientId = properties.clientId();
        this.configured = !properties.clientSecret().isBlank();
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION)
                .clientId(properties.clientId())
                .clientSecret(configured ? properties.clientSecret() : "unset")
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenUri(properties.tokenUri())
                .scope(properties.clientScopes())
                .build();
        var registrations = new InMemoryClientRegistrationRepository(registration);
        manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations,
                new InMemoryOAuth2AuthorizedClientService(registrations));
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials()
                .build());
    }

    /** A current access token of this service; fails when no client secret is configured. */
    public String value() {
        if (!configured) {
            throw new IllegalStateException("SERVICE_CLIENT_SECRET is not set: " + clientId
                    + " has no client credentials for calls made outside a request");
        }
        OAuth2AuthorizedClient client = manager.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION)
                .principal(new AnonymousAuthenticationToken(clientId, clientId,
                        AuthorityUtils.createAuthorityList("ROLE_SERVICE")))
                .build());
        if (client == null) {
            throw new IllegalStateException("identity-service issued no token to " + clientId);
        }
        return client.getAccessToken().getTokenValue();
    }
}

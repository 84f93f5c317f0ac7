package io.channelops.identity.security;

import io.channelops.identity.IdentityProperties;
import io.channelops.identity.client.ClientService;
import io.channelops.identity.user.UserService;
import io.channelops.identity.user.UserService.TokenSubject;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * The ChannelOps claims: {@code aud = channelops}; for users {@code sub} = user id, {@code roles} and
 * {@code org_path}; for client credentials {@code sub} = client id, the client's scopes and its org path. A
 * deactivated or locked user gets no token, also not on refresh. Claim values are mutable collections: the
 * authorization service stores them with Jackson type information, which allows only the usual collection types.
 */
final class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final UserService users;
    private final IdentityProperties properties;

    TokenClaims(UserService users, IdentityProperties properties) {
        this.users = users;
        this.properties = properties;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!accessToken && !idToken) {
            return;
        }
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            String orgPath = ClientService.orgPath(context.getRegisteredClient());
            context.getClaims().audience(new ArrayList<>(List.of(properties.audience())))
                    .claim("roles", new ArrayList<String>())
                    .claim("org_path", orgPath == null ? "" : orgPath);
            return;
        }
        String username = context.getPrincipal().getName();
        TokenSubject subject = users.tokenSubject(username).filter(TokenSubject::canSignIn)
                .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
                        "The user is deactivated or locked", null)));
        context.getClaims().subject(subject.userId())
                .claim("preferred_username", username)
                .claim("roles", new ArrayList<>(subject.roles()))
                .claim("org_path", subject.orgPath());
        if (accessToken) {
            context.getClaims().audience(new ArrayList<>(List.of(properties.audience())));
        }
    }
}

package io.channelops.identity.client;

import io.channelops.identity.IdentityProperties;
import io.channelops.identity.org.OrgUnitService;
import io.channelops.platform.web.ApiProblem;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * OAuth2 clients, kept by Spring Authorization Server's JDBC repository. A confidential client uses client
 * credentials with scopes and acts in an org path; a public client uses authorization code + PKCE. Secrets are
 * returned once and stored hashed.
 */
@Service
public class ClientService {

    /** The client setting holding the org path a confidential client acts in. */
    public static final String ORG_PATH_SETTING = "settings.client.channelops.org-path";

    private final RegisteredClientRepository clients;
    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final OrgUnitService orgUnits;
    private final IdentityProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ClientService(RegisteredClientRepository clients, JdbcTemplate jdbc, PasswordEncoder passwords,
            OrgUnitService orgUnits, IdentityProperties properties, Clock clock) {
        this.clients = clients;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.orgUnits = orgUnits;
        this.properties = properties;
        this.clock = clock;
    }

    /** Confidential (client credentials) or public (authorization code + PKCE). */
    public enum ClientType {
        CONFIDENTIAL, PUBLIC
    }

    /** A client as shown to admins, with its secret only right after it was created or rotated. */
    public record ClientView(String clientId, String name, ClientType type, Set<String> scopes,
            Set<String> redirectUris, @Nullable String orgPath, @Nullable String clientSecret) {
    }

    /** Registers a confidential client-credentials client; {@code secret} null generates one. */
    @Transactional
    public ClientView registerConfidential(String clientId, String name, Set<String> scopes, String orgPath,
            @Nullable String secret) {
        requireNew(clientId);
        orgUnits.byPath(orgPath);
        String plain = secret == null ? newSecret() : secret;
        RegisteredClient client = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(clientId)
                .clientName(name)
                .clientIdIssuedAt(Instant.now(clock))
                .clientSecret(passwords.encode(plain))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(s -> s.addAll(scopes))
                .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false)
                        .setting(ORG_PATH_SETTING, orgPath).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.accessTokenTtl()).build())
                .build();
        clients.save(client);
        return view(client, plain);
    }

    /** Registers a public front-end client: authorization code with PKCE and refresh tokens, no secret. */
    @Transactional
    public ClientView registerPublic(String clientId, String name, Set<String> redirectUris, Set<String> scopes) {
        requireNew(clientId);
        RegisteredClient client = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(clientId)
                .clientName(name)
                .clientIdIssuedAt(Instant.now(clock))
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(u -> u.addAll(redirectUris))
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .scopes(s -> s.addAll(scopes))
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.accessTokenTtl())
                        .refreshTokenTimeToLive(properties.refreshTokenTtl()).reuseRefreshTokens(false).build())
                .build();
        clients.save(client);
        return view(client, null);
    }

    /** A new secret for a confidential client; the old one stops working at once. */
    @Transactional
    public ClientView rotateSecret(String clientId) {
        RegisteredClient client = find(clientId);
        if (!client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)) {
            throw ApiProblem.conflict("PUBLIC_CLIENT_HAS_NO_SECRET", "Client " + clientId + " is public", clientId);
        }
        String plain = newSecret();
        RegisteredClient updated = RegisteredClient.from(client).clientSecret(passwords.encode(plain)).build();
        clients.save(updated);
        return view(updated, plain);
    }

    @Transactional(readOnly = true)
    public ClientView get(String clientId) {
        return view(find(clientId), null);
    }

    @Transactional(readOnly = true)
    public boolean exists(String clientId) {
        return clients.findByClientId(clientId) != null;
    }

    @Transactional(readOnly = true)
    public List<ClientView> list() {
        return jdbc.queryForList("SELECT client_id FROM oauth2_registered_client ORDER BY client_id", String.class)
                .stream().map(this::find).map(c -> view(c, null)).toList();
    }

    /** The org path a confidential client acts in, if it has one. */
    public static @Nullable String orgPath(RegisteredClient client) {
        Object path = client.getClientSettings().getSetting(ORG_PATH_SETTING);
        return path == null ? null : path.toString();
    }

    private RegisteredClient find(String clientId) {
        RegisteredClient client = clients.findByClientId(clientId);
        if (client == null) {
            throw ApiProblem.notFound("client", clientId);
        }
        return client;
    }

    private void requireNew(String clientId) {
        if (clients.findByClientId(clientId) != null) {
            throw ApiProblem.conflict("CLIENT_ID_TAKEN", "Client id " + clientId + " is already in use", clientId);
        }
    }

    private String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static ClientView view(RegisteredClient client, @Nullable String secret) {
        boolean isPublic = client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE);
        return new ClientView(client.getClientId(), client.getClientName(),
                isPublic ? ClientType.PUBLIC : ClientType.CONFIDENTIAL, Set.copyOf(client.getScopes()),
                Set.copyOf(client.getRedirectUris()), orgPath(client), secret);
    }
}

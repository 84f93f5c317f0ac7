package io.channelops.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelops.identity.client.ClientService;
import io.channelops.identity.keys.SigningKeyService;
import io.channelops.identity.org.OrgUnit;
import io.channelops.identity.user.Role;
import io.channelops.identity.user.UserService;
import io.channelops.platform.test.ServiceIntegrationTest;
import io.channelops.platform.test.tokens.OAuthFlows;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The authorization server through its real HTTP endpoints, on the service's random port. */
@ServiceIntegrationTest
class AuthorizationServerIT {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    UserService users;

    @Autowired
    SigningKeyService keys;

    @Autowired
    JsonMapper json;

    OAuthFlows flows;

    @BeforeEach
    void setUp() {
        flows = new OAuthFlows(port);
        fixtures.webClient();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(n -> values.add(n.asString()));
        }
        else {
            values.add(array.asString());
        }
        return values;
    }

    @Test
    void publishesOidcDiscoveryAndJwks() throws Exception {
        HttpResponse<String> discovery = flows.get("/.well-known/openid-configuration");
        assertThat(discovery.statusCode()).isEqualTo(200);
        JsonNode config = json.readTree(discovery.body());
        assertThat(config.get("issuer").asString()).isEqualTo("http://localhost:9000");
        assertThat(config.get("jwks_uri").asString()).isEqualTo("http://localhost:9000/oauth2/jwks");
        assertThat(strings(config.get("grant_types_supported")))
                .contains("authorization_code", "client_credentials", "refresh_token");
        assertThat(strings(config.get("code_challenge_methods_supported"))).contains("S256");

        HttpResponse<String> jwks = flows.get("/oauth2/jwks");
        assertThat(jwks.statusCode()).isEqualTo(200);
        JsonNode key = json.readTree(jwks.body()).get("keys").get(0);
        assertThat(key.get("kty").asString()).isEqualTo("RSA");
        assertThat(key.get("alg").asString()).isEqualTo("RS256");
        assertThat(key.has("d")).as("no private part").isFalse();
    }

    @Test
    void clientCredentialsTokenCarriesScopesOrgPathAndAudience() throws Exception {
        OrgUnit unit = fixtures.unit(fixtures.root());
        ClientService.ClientView client = fixtures.integrationClient(unit.path(), "customers:read", "orders:read");

        HttpResponse<String> response = flows.clientCredentials(client.clientId(), client.clientSecret(),
                "customers:read");

        assertThat(response.statusCode()).isEqualTo(200);
        String token = json.readTree(response.body()).get("access_token").asString();
        JsonNode claims = OAuthFlows.claims(token);
        assertThat(claims.get("sub").asString()).isEqualTo(client.clientId());
        assertThat(strings(claims.get("aud"))).containsExactly("channelops");
        assertThat(strings(claims.get("scope"))).containsExactly("customers:read");
        assertThat(claims.get("org_path").asString()).isEqualTo(unit.path());
        assertThat(claims.get("iss").asString()).isEqualTo("http://localhost:9000");
        assertThat(OAuthFlows.header(token).get("alg").asString()).isEqualTo("RS256");
    }

    @Test
    void clientCredentialsRejectsAWrongSecretAndAnUnregisteredScope() throws Exception {
        fixtures.root();
        ClientService.ClientView client = fixtures.integrationClient("/hq", "orders:read");
        assertThat(flows.clientCredentials(client.clientId(), "wrong", "orders:read").statusCode()).isEqualTo(401);
        assertThat(flows.clientCredentials(client.clientId(), client.clientSecret(), "orders:write").statusCode())
                .isEqualTo(400);
    }

    @Test
    void authorizationCodeWithPkceGivesUserClaimsAndARefreshTokenThatRotates() throws Exception {
        OrgUnit team = fixtures.unit(fixtures.unit(fixtures.root()));
        UserService.UserView user = fixtures.user(team, Role.MANAGER, Role.AUDITOR);

        JsonNode tokens = flows.authorizationCode(Fixtures.WEB_CLIENT, Fixtures.REDIRECT_URI,
                user.user().username(), Fixtures.PASSWORD);

        JsonNode claims = OAuthFlows.claims(tokens.get("access_token").asString());
        assertThat(claims.get("sub").asString()).isEqualTo(user.user().id());
        assertThat(strings(claims.get("roles"))).containsExactlyInAnyOrder("MANAGER", "AUDITOR");
        assertThat(claims.get("org_path").asString()).isEqualTo(team.path());
        assertThat(strings(claims.get("aud"))).containsExactly("channelops");
        assertThat(tokens.get("id_token")).isNotNull();
        String refreshToken = tokens.get("refresh_token").asString();
        assertThat(refreshToken).isNotBlank();

        HttpResponse<String> refreshed = flows.refresh(Fixtures.WEB_CLIENT, refreshToken);
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        JsonNode renewed = json.readTree(refreshed.body());
        assertThat(OAuthFlows.claims(renewed.get("access_token").asString()).get("org_path").asString())
                .isEqualTo(team.path());
        assertThat(renewed.get("refresh_token").asString()).isNotEqualTo(refreshToken);
        assertThat(flows.refresh(Fixtures.WEB_CLIENT, refreshToken).statusCode())
                .as("a used refresh token is spent").isEqualTo(400);
    }

    @Test
    void refreshStopsWorkingOnceTheUserIsDeactivated() throws Exception {
        UserService.UserView user = fixtures.user(fixtures.root(), Role.REP);
        JsonNode tokens = flows.authorizationCode(Fixtures.WEB_CLIENT, Fixtures.REDIRECT_URI,
                user.user().username(), Fixtures.PASSWORD);

        users.deactivate(user.user().id());

        HttpResponse<String> refreshed = flows.refresh(Fixtures.WEB_CLIENT, tokens.get("refresh_token").asString());
        assertThat(refreshed.statusCode()).isEqualTo(400);
        assertThat(json.readTree(refreshed.body()).get("error").asString()).isEqualTo("invalid_grant");
        assertThat(flows.startAndLogin(Fixtures.WEB_CLIENT, Fixtures.REDIRECT_URI, user.user().username(),
                Fixtures.PASSWORD, OAuthFlows.challenge(OAuthFlows.verifier())).succeeded()).isFalse();
    }

    @Test
    void locksTheAccountAfterFiveBadPasswords() throws Exception {
        UserService.UserView user = fixtures.user(fixtures.root(), Role.REP);
        String username = user.user().username();
        String challenge = OAuthFlows.challenge(OAuthFlows.verifier());
        for (int i = 0; i < 5; i++) {
            assertThat(flows.startAndLogin(Fixtures.WEB_CLIENT, Fixtures.REDIRECT_URI, username, "wrong-password",
                    challenge).succeeded()).isFalse();
        }

        assertThat(flows.startAndLogin(Fixtures.WEB_CLIENT, Fixtures.REDIRECT_URI, username, Fixtures.PASSWORD,
                challenge).succeeded()).as("locked, even with the right password").isFalse();
        assertThat(users.byUsername(username).orElseThrow().lockedUntil()).isNotNull();

        users.resetPassword(user.user().id());
        assertThat(users.byUsername(username).orElseThrow().lockedUntil()).as("a reset unlocks").isNull();
    }

    @Test
    void fourBadPasswordsDoNotLock() throws Exception {
        UserService.UserView user = fixtures.user(fixtures.root(), Role.REP);
        String challenge = OAuthFlows.challenge(OAuthFlows.verifier());
        for (int i = 0; i < 4; i++) {
            flows.startAndLogin(Fixtures.WEB_CLIENT, Fixtures.REDIRECT_URI, user.user().username(), "nope", challenge);
        }
        assertThat(flows.startAndLogin(Fixtures.WEB_CLIENT, Fixtures.REDIRECT_URI, user.user().username(),
                Fixtures.PASSWORD, challenge).succeeded()).isTrue();
    }

    @Test
    void keyRotationKeepsTheOldKeyPublishedAndSignsNewTokensWithTheNewKid() throws Exception {
        fixtures.root();
        ClientService.ClientView client = fixtures.integrationClient("/hq", "orders:read");
        String before = json.readTree(flows.clientCredentials(client.clientId(), client.clientSecret(),
                "orders:read").body()).get("access_token").asString();
        String oldKid = OAuthFlows.header(before).get("kid").asString();

        String newKid = keys.rotate().kid();

        String after = json.readTree(flows.clientCredentials(client.clientId(), client.clientSecret(),
                "orders:read").body()).get("access_token").asString();
        assertThat(OAuthFlows.header(after).get("kid").asString()).isEqualTo(newKid).isNotEqualTo(oldKid);
        List<String> kids = new ArrayList<>();
        json.readTree(flows.get("/oauth2/jwks").body()).get("keys").forEach(k -> kids.add(k.get("kid").asString()));
        assertThat(kids).contains(oldKid, newKid);
        assertThat(kids.getFirst()).isEqualTo(newKid);
    }
}

package io.channelops.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.events.Topics;
import io.channelops.events.identity.OrgUnitChanged;
import io.channelops.events.identity.UserChanged;
import io.channelops.events.identity.UserRegistered;
import io.channelops.identity.client.ClientService;
import io.channelops.identity.org.OrgUnit;
import io.channelops.identity.user.Role;
import io.channelops.platform.test.EventProbe;
import io.channelops.platform.test.ServiceIntegrationTest;
import io.channelops.platform.test.tokens.OAuthFlows;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The admin API with real access tokens of this server. */
@ServiceIntegrationTest
class AdminApiIT {

    private static String adminToken;
    private static String integrationToken;

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JsonMapper json;

    @BeforeEach
    void tokens() throws Exception {
        if (adminToken == null) {
            OAuthFlows flows = new OAuthFlows(port);
            fixtures.webClient();
            var admin = fixtures.user(fixtures.root(), Role.ADMIN);
            adminToken = flows.authorizationCode(Fixtures.WEB_CLIENT, Fixtures.REDIRECT_URI, admin.user().username(),
                    Fixtures.PASSWORD).get("access_token").asString();
            ClientService.ClientView client = fixtures.integrationClient("/hq", "customers:read");
            integrationToken = json.readTree(flows.clientCredentials(client.clientId(), client.clientSecret(),
                    "customers:read").body()).get("access_token").asString();
        }
    }

    private static MockHttpServletRequestBuilder admin(MockHttpServletRequestBuilder request) {
        return request.header("Authorization", "Bearer " + adminToken);
    }

    private JsonNode body(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }

    private JsonNode createUnit(String parentId, String code) throws Exception {
        return body(mvc.perform(admin(post("/api/v1/admin/org-units")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"%s\",\"name\":\"Unit %s\",\"parentId\":\"%s\"}"
                                .formatted(code, code, parentId)))
                .andExpect(status().isCreated()).andReturn());
    }

    @Test
    void rejectsARequestWithoutATokenWith401Problem() throws Exception {
        mvc.perform(get("/api/v1/admin/users"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"))
                .andExpect(header().string("WWW-Authenticate", "Bearer"));
        mvc.perform(get("/api/v1/admin/users").header("Authorization", "Bearer not-a-jwt"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
    }

    @Test
    void rejectsANonAdminTokenWith403Problem() throws Exception {
        mvc.perform(get("/api/v1/admin/users").header("Authorization", "Bearer " + integrationToken))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("ACCESS_DENIED"));
    }

    @Test
    void createsRenamesAndMovesOrgUnitsWithTheirSubtree() throws Exception {
        OrgUnit root = fixtures.root();
        JsonNode east = createUnit(root.id(), Fixtures.unique("east-"));
        JsonNode west = createUnit(root.id(), Fixtures.unique("west-"));
        JsonNode team = createUnit(east.get("id").asString(), "team-1");
        JsonNode pod = createUnit(team.get("id").asString(), "pod-a");
        assertThat(pod.get("path").asString()).isEqualTo(east.get("path").asString() + "/team-1/pod-a");

        mvc.perform(admin(post("/api/v1/admin/org-units/{id}/move", team.get("id").asString()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parentId\":\"%s\"}".formatted(west.get("id").asString())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.path").value(west.get("path").asString() + "/team-1"));
        mvc.perform(admin(get("/api/v1/admin/org-units/{id}", pod.get("id").asString())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.path").value(west.get("path").asString() + "/team-1/pod-a"));

        String podId = pod.get("id").asString();
        ConsumerRecord<String, String> moved = EventProbe.await(Topics.ORG_UNITS,
                r -> podId.equals(r.key()) && r.value().contains(west.get("path").asString()), Duration.ofSeconds(30));
        assertThat(EventProbe.header(moved, "ce_type")).isEqualTo("io.channelops.identity.OrgUnitChanged");
        assertThat(EventProbe.payload(moved, OrgUnitChanged.class).path())
                .isEqualTo(west.get("path").asString() + "/team-1/pod-a");

        MvcResult read = mvc.perform(admin(get("/api/v1/admin/org-units/{id}", east.get("id").asString())))
                .andExpect(status().isOk()).andReturn();
        String etag = read.getResponse().getHeader("ETag");
        mvc.perform(admin(patch("/api/v1/admin/org-units/{id}", east.get("id").asString()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"East region\"}"))
                .andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.code").value("PRECONDITION_REQUIRED"));
        mvc.perform(admin(patch("/api/v1/admin/org-units/{id}", east.get("id").asString()))
                        .header("If-Match", etag).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"East region\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("East region"));
        mvc.perform(admin(patch("/api/v1/admin/org-units/{id}", east.get("id").asString()))
                        .header("If-Match", etag).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Again\"}"))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.code").value("STALE_VERSION"));
        mvc.perform(admin(get("/api/v1/admin/org-units")).param("size", "100"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").isNumber());
    }

    @Test
    void refusesToMoveAUnitIntoItsOwnSubtreeOrCreateADuplicate() throws Exception {
        JsonNode region = createUnit(fixtures.root().id(), Fixtures.unique("r-"));
        JsonNode team = createUnit(region.get("id").asString(), "team-1");
        mvc.perform(admin(post("/api/v1/admin/org-units/{id}/move", region.get("id").asString()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parentId\":\"%s\"}".formatted(team.get("id").asString())))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ORG_UNIT_CYCLE"));
        mvc.perform(admin(post("/api/v1/admin/org-units")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"team-1\",\"name\":\"Dup\",\"parentId\":\"%s\"}"
                                .formatted(region.get("id").asString())))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ORG_UNIT_PATH_TAKEN"));
        mvc.perform(admin(get("/api/v1/admin/org-units/{id}", "no-such-unit")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void createsChangesAndDeactivatesUsersAndPublishesEvents() throws Exception {
        OrgUnit root = fixtures.root();
        OrgUnit team = fixtures.unit(root);
        String username = Fixtures.unique("new.user.");
        MvcResult created = mvc.perform(admin(post("/api/v1/admin/users")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"%s","displayName":"New User","password":"a-long-password-1",
                                 "roles":["REP"],"orgUnitId":"%s"}""".formatted(username, team.id())))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.orgPath").value(team.path()))
                .andExpect(jsonPath("$.roles[0]").value("REP"))
                .andExpect(jsonPath("$.password").doesNotExist())
                .andReturn();
        String id = body(created).get("id").asString();
        assertThat(created.getResponse().getHeader("Location")).isEqualTo("/api/v1/admin/users/" + id);

        ConsumerRecord<String, String> registered = EventProbe.await(Topics.USERS, r -> id.equals(r.key()),
                Duration.ofSeconds(30));
        assertThat(EventProbe.header(registered, "ce_type")).isEqualTo("io.channelops.identity.UserRegistered");
        UserRegistered event = EventProbe.payload(registered, UserRegistered.class);
        assertThat(event.orgPath()).isEqualTo(team.path());
        assertThat(event.status()).isEqualTo("ACTIVE");
        assertThat(registered.value()).doesNotContain("password");

        mvc.perform(admin(post("/api/v1/admin/users")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"%s","displayName":"Dup","password":"a-long-password-1",
                                 "roles":["REP"],"orgUnitId":"%s"}""".formatted(username, team.id())))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("USERNAME_TAKEN"));

        mvc.perform(admin(patch("/api/v1/admin/users/{id}", id)).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\":[\"MANAGER\"],\"orgUnitId\":\"%s\"}".formatted(root.id())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles[0]").value("MANAGER"))
                .andExpect(jsonPath("$.orgPath").value("/hq"));

        mvc.perform(admin(post("/api/v1/admin/users/{id}/deactivate", id)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false));
        ConsumerRecord<String, String> deactivated = EventProbe.await(Topics.USERS,
                r -> id.equals(r.key()) && r.value().contains("DEACTIVATED"), Duration.ofSeconds(30));
        assertThat(EventProbe.payload(deactivated, UserChanged.class).roles()).containsExactly("MANAGER");

        MvcResult reset = mvc.perform(admin(post("/api/v1/admin/users/{id}/reset-password", id)))
                .andExpect(status().isOk()).andReturn();
        assertThat(body(reset).get("temporaryPassword").asString()).hasSizeGreaterThanOrEqualTo(16);

        mvc.perform(admin(get("/api/v1/admin/users")).param("size", "5"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.size").value(5));
    }

    @Test
    void answersBadUserInputWithProblems() throws Exception {
        OrgUnit root = fixtures.root();
        mvc.perform(admin(post("/api/v1/admin/users")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"x","displayName":"","password":"short",
                                 "roles":[],"orgUnitId":"%s"}""".formatted(root.id())))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        mvc.perform(admin(post("/api/v1/admin/users")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"good.name","displayName":"G","password":"a-long-password-1",
                                 "roles":["KING"],"orgUnitId":"%s"}""".formatted(root.id())))
                .andExpect(status().isBadRequest());
        mvc.perform(admin(post("/api/v1/admin/users")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"good.name","displayName":"G","password":"a-long-password-1",
                                 "roles":["REP"],"orgUnitId":"%s","admin":true}""".formatted(root.id())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("UNKNOWN_FIELD"));
        mvc.perform(admin(post("/api/v1/admin/users")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"good.name","displayName":"G","password":"a-long-password-1",
                                 "roles":["REP"],"orgUnitId":"nope"}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("UNKNOWN_ORG_UNIT"));
        mvc.perform(admin(post("/api/v1/admin/users")).contentType(MediaType.APPLICATION_JSON).content("{oops"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_JSON"));
        mvc.perform(admin(get("/api/v1/admin/users/{id}", "no-such-user")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NOT_FOUND"));
        var user = fixtures.user(root, Role.REP);
        mvc.perform(admin(patch("/api/v1/admin/users/{id}", user.user().id()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"roles\":[\"ADMIN\"]}"))
                .andExpect(status().isPreconditionRequired());
        mvc.perform(admin(patch("/api/v1/admin/users/{id}", user.user().id())).header("If-Match", "\"7\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"roles\":[\"ADMIN\"]}"))
                .andExpect(status().isPreconditionFailed());
    }

    @Test
    void registersClientsShowsSecretsOnceAndRotatesThem() throws Exception {
        fixtures.root();
        String clientId = Fixtures.unique("erp-");
        MvcResult created = mvc.perform(admin(post("/api/v1/admin/clients")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"clientId":"%s","name":"ERP","type":"CONFIDENTIAL",
                                 "scopes":["orders:read"],"orgPath":"/hq"}""".formatted(clientId)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.orgPath").value("/hq"))
                .andExpect(jsonPath("$.clientSecret").isString())
                .andReturn();
        String secret = body(created).get("clientSecret").asString();
        OAuthFlows flows = new OAuthFlows(port);
        assertThat(flows.clientCredentials(clientId, secret, "orders:read").statusCode()).isEqualTo(200);

        JsonNode listed = body(mvc.perform(admin(get("/api/v1/admin/clients"))).andExpect(status().isOk())
                .andReturn());
        boolean found = false;
        for (JsonNode c : listed) {
            if (clientId.equals(c.get("clientId").asString())) {
                found = true;
                assertThat(c.get("clientSecret") == null || c.get("clientSecret").isNull())
                        .as("the secret is shown only once").isTrue();
                assertThat(c.get("orgPath").asString()).isEqualTo("/hq");
            }
        }
        assertThat(found).isTrue();

        MvcResult rotated = mvc.perform(admin(post("/api/v1/admin/clients/{id}/rotate-secret", clientId)))
                .andExpect(status().isOk()).andReturn();
        String newSecret = body(rotated).get("clientSecret").asString();
        assertThat(newSecret).isNotEqualTo(secret);
        assertThat(flows.clientCredentials(clientId, secret, "orders:read").statusCode()).isEqualTo(401);
        assertThat(flows.clientCredentials(clientId, newSecret, "orders:read").statusCode()).isEqualTo(200);

        mvc.perform(admin(post("/api/v1/admin/clients")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"clientId":"%s","name":"ERP","type":"CONFIDENTIAL",
                                 "scopes":["orders:read"],"orgPath":"/hq"}""".formatted(clientId)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("CLIENT_ID_TAKEN"));
        mvc.perform(admin(post("/api/v1/admin/clients")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"clientId":"%s","name":"ERP","type":"CONFIDENTIAL",
                                 "scopes":["orders:read"],"orgPath":"/nowhere"}""".formatted(Fixtures.unique("c-"))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("UNKNOWN_ORG_PATH"));
        mvc.perform(admin(post("/api/v1/admin/clients/{id}/rotate-secret", "no-such-client")))
                .andExpect(status().isNotFound());

        String webId = Fixtures.unique("web-");
        mvc.perform(admin(post("/api/v1/admin/clients")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"clientId":"%s","name":"Web","type":"PUBLIC",
                                 "redirectUris":["http://localhost:3000/callback"]}""".formatted(webId)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.type").value("PUBLIC"))
                .andExpect(jsonPath("$.clientSecret").doesNotExist());
        mvc.perform(admin(post("/api/v1/admin/clients/{id}/rotate-secret", webId)))
                .andExpect(status().isConflict());
    }

    @Test
    void rotatesTheSigningKeyAsAdmin() throws Exception {
        mvc.perform(admin(post("/api/v1/admin/signing-keys/rotate")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"));
        mvc.perform(admin(get("/api/v1/admin/signing-keys")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].status").value("ACTIVE"))
                .andExpect(jsonPath("$[1].status").value("RETIRED"));
        mvc.perform(post("/api/v1/admin/signing-keys/rotate").header("Authorization", "Bearer " + integrationToken))
                .andExpect(status().isForbidden());
    }

    private static String foreignToken(String audience, java.time.Instant expiresAt) throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        java.security.KeyPair pair = generator.generateKeyPair();
        com.nimbusds.jwt.SignedJWT jwt = new com.nimbusds.jwt.SignedJWT(
                new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.RS256).keyID("foreign").build(),
                new com.nimbusds.jwt.JWTClaimsSet.Builder().issuer("http://localhost:9000").subject("intruder")
                        .audience(audience).expirationTime(java.util.Date.from(expiresAt))
                        .claim("roles", java.util.List.of("ADMIN")).build());
        jwt.sign(new com.nimbusds.jose.crypto.RSASSASigner(pair.getPrivate()));
        return jwt.serialize();
    }

    @Test
    void rejectsATokenSignedWithAForeignKeyWith401() throws Exception {
        String forged = foreignToken("channelops", java.time.Instant.now().plusSeconds(600));
        mvc.perform(get("/api/v1/admin/users").header("Authorization", "Bearer " + forged))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
    }

    @Test
    void rejectsATamperedAdminTokenWith401() throws Exception {
        JsonNode claims = OAuthFlows.claims(adminToken);
        assertThat(claims.get("aud").asString()).isEqualTo("channelops");
        String[] parts = adminToken.split("\\.");
        String tampered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
                        .replace("\"aud\":\"channelops\"", "\"aud\":\"elsewhere\"")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];
        mvc.perform(get("/api/v1/admin/users").header("Authorization", "Bearer " + tampered))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void rejectsAnUnsignedAdminTokenWith401() throws Exception {
        String[] parts = adminToken.split("\\.");
        String none = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (String unsigned : java.util.List.of(none + "." + parts[1] + ".", parts[0] + "." + parts[1] + ".")) {
            mvc.perform(get("/api/v1/admin/users").header("Authorization", "Bearer " + unsigned))
                    .andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
        }
    }
}

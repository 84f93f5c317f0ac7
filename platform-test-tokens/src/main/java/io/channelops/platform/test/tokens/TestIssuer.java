package io.channelops.platform.test.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Stands in for identity-service in a test JVM: publishes a JWKS at {@code /oauth2/jwks}, answers the
 * client-credentials grant at {@code /oauth2/token}, and signs RS256 access tokens with the claims identity-service
 * puts in its tokens ({@code iss}, {@code sub}, {@code aud=channelops}, {@code roles}, {@code org_path},
 * {@code scope}). One issuer per JVM ({@link #shared()}), on a free loopback port.
 *
 * <p>It also makes the tokens a resource server must refuse: unsigned ({@code alg: none}), signed by a foreign key,
 * expired, from another issuer, for another audience.
 */
public final class TestIssuer {

    /** The audience identity-service puts in every access token. */
    public static final String AUDIENCE = "channelops";

    private static volatile @Nullable TestIssuer shared;

    private final HttpServer server;
    private final RSAKey key;
    private final RSAKey foreignKey;
    private final Map<String, RegisteredClient> clients = new ConcurrentHashMap<>();

    private TestIssuer() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate();
            foreignKey = new RSAKeyGenerator(2048).keyID(key.getKeyID()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/oauth2/jwks", this::jwks);
        server.createContext("/oauth2/token", this::token);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    /** The issuer of this test JVM, started on first use. */
    public static TestIssuer shared() {
        TestIssuer issuer = shared;
        if (issuer == null) {
            synchronized (TestIssuer.class) {
                issuer = shared;
                if (issuer == null) {
                    issuer = new TestIssuer();
                    shared = issuer;
                }
            }
        }
        return issuer;
    }

    /** {@code http://127.0.0.1:<port>}: the {@code iss} of every token and the base of the JWKS and token URIs. */
    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String jwksUri() {
        return issuer() + "/oauth2/jwks";
    }

    public String tokenUri() {
        return issuer() + "/oauth2/token";
    }

    /**
     * Registers a confidential client for the client-credentials grant, like an admin registering it in
     * identity-service: its tokens carry these scopes and this org path.
     */
    public TestIssuer registerClient(String clientId, String secret, Set<String> scopes, String orgPath) {
        clients.put(clientId, new RegisteredClient(secret, List.copyOf(scopes), orgPath));
        return this;
    }

    /** A signed access token of a user. */
    public String userToken(String userId, String orgPath, String... roles) {
        return sign(key, claims(userId, orgPath, List.of(roles), List.of("openid", "profile"), b -> {
        }));
    }

    /** A signed client-credentials access token of an integration client. */
    public String clientToken(String clientId, String orgPath, String... scopes) {
        return sign(key, claims(clientId, orgPath, List.of(), List.of(scopes), b -> {
        }));
    }

    /** The same claims as {@link #userToken}, unsigned ({@code alg: none}). */
    public String unsignedToken(String userId, String orgPath, String... roles) {
        return new PlainJWT(claims(userId, orgPath, List.of(roles), List.of(), b -> {
        })).serialize();
    }

    /** Signed by a key this issuer never published, under the key id it does publish. */
    public String foreignKeyToken(String userId, String orgPath, String... roles) {
        return sign(foreignKey, claims(userId, orgPath, List.of(roles), List.of(), b -> {
        }));
    }

    /** Expired an hour ago (well outside any clock-skew allowance). */
    public String expiredToken(String userId, String orgPath, String... roles) {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        return sign(key, claims(userId, orgPath, List.of(roles), List.of(),
                b -> b.issueTime(Date.from(past)).notBeforeTime(Date.from(past))
                        .expirationTime(Date.from(past.plus(Duration.ofHours(1))))));
    }

    /** Signed by this issuer's key but naming another issuer. */
    public String wrongIssuerToken(String userId, String orgPath, String... roles) {
        return sign(key, claims(userId, orgPath, List.of(roles), List.of(),
                b -> b.issuer("https://login.example.com")));
    }

    /** Signed by this issuer's key but for another audience. */
    public String wrongAudienceToken(String userId, String orgPath, String... roles) {
        return sign(key, claims(userId, orgPath, List.of(roles), List.of(), b -> b.audience("another-api")));
    }

    /** A valid token whose payload was edited after signing (here: a rep promoting themselves to director). */
    public String tamperedToken(String userId, String orgPath) {
        String[] parts = userToken(userId, orgPath, "REP").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"REP\"", "\"DIRECTOR\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    /**
     * Every {@code Authorization} header value a resource server must refuse with 401, by name: none at all, the
     * tokens above for this user (unsigned, foreign key, expired, wrong issuer, wrong audience, edited payload), a
     * token without the {@code Bearer} scheme, Basic credentials, and a string that is no JWT. "none" maps to the
     * empty string: send no header.
     */
    public Map<String, String> invalidAuthorizations(String userId, String orgPath, String... roles) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        values.put("none", "");
        values.put("alg none", "Bearer " + unsignedToken(userId, orgPath, roles));
        values.put("foreign key", "Bearer " + foreignKeyToken(userId, orgPath, roles));
        values.put("expired", "Bearer " + expiredToken(userId, orgPath, roles));
        values.put("wrong issuer", "Bearer " + wrongIssuerToken(userId, orgPath, roles));
        values.put("wrong audience", "Bearer " + wrongAudienceToken(userId, orgPath, roles));
        values.put("payload edited after signing", "Bearer " + tamperedToken(userId, orgPath));
        values.put("no Bearer scheme", userToken(userId, orgPath, roles));
        values.put("Basic credentials", "Basic " + Base64.getEncoder()
                .encodeToString((userId + ":secret").getBytes(StandardCharsets.UTF_8)));
        values.put("not a JWT", "Bearer not-a-jwt");
        return values;
    }

    private JWTClaimsSet claims(String subject, String orgPath, List<String> roles, List<String> scopes,
            Consumer<JWTClaimsSet.Builder> adjust) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject(subject)
                .audience(List.of(AUDIENCE))
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", new ArrayList<>(roles))
                .claim("org_path", orgPath)
                .claim("scope", new ArrayList<>(scopes));
        adjust.accept(builder);
        return builder.build();
    }

    private static String sign(RSAKey signingKey, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID())
                    .build(), claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private void jwks(HttpExchange exchange) throws IOException {
        respond(exchange, 200, new JWKSet(key.toPublicJWK()).toString());
    }

    /** RFC 6749 §4.4 with client_secret_basic or client_secret_post; only the client-credentials grant. */
    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String clientId = form.get("client_id");
        String secret = form.get("client_secret");
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.startsWith("Basic ")) {
            String[] basic = new String(Base64.getDecoder().decode(authorization.substring(6)),
                    StandardCharsets.UTF_8).split(":", 2);
            clientId = URLDecoder.decode(basic[0], StandardCharsets.UTF_8);
            secret = basic.length > 1 ? URLDecoder.decode(basic[1], StandardCharsets.UTF_8) : null;
        }
        RegisteredClient client = clientId == null ? null : clients.get(clientId);
        if (client == null || !client.secret().equals(secret)) {
            respond(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        if (!"client_credentials".equals(form.get("grant_type"))) {
            respond(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
            return;
        }
        // like Spring Authorization Server: a client gets the registered scopes it asks for, none unasked
        List<String> scopes = List.of();
        String requested = form.get("scope");
        if (requested != null && !requested.isBlank()) {
            List<String> asked = List.of(requested.trim().split("\\s+"));
            if (!client.scopes().containsAll(asked)) {
                respond(exchange, 400, "{\"error\":\"invalid_scope\"}");
                return;
            }
            scopes = asked;
        }
        String token = clientToken(clientId, client.orgPath(), scopes.toArray(String[]::new));
        respond(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":899,"
                + "\"scope\":\"" + String.join(" ", scopes) + "\"}");
    }

    private static Map<String, String> form(String body) {
        Map<String, String> values = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            values.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return values;
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private record RegisteredClient(String secret, List<String> scopes, String orgPath) {
    }
}

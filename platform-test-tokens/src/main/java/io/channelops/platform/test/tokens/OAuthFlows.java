package io.channelops.platform.test.tokens;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real OAuth2 flows over HTTP against a running identity-service, as a browser and a front end would do them:
 * authorization code + PKCE through the login form, refresh, client credentials. For tests and system tests.
 */
public final class OAuthFlows {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;

    public OAuthFlows(int port) {
        this("http://localhost:" + port);
    }

    /** @param baseUrl identity-service's base URL, e.g. {@code http://localhost:9000} */
    public OAuthFlows(String baseUrl) {
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The outcome of a login attempt in the authorization-code flow. */
    public record Login(boolean succeeded, String location, HttpClient browser) {
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Authorization code + PKCE for a user; returns the token response. */
    public JsonNode authorizationCode(String clientId, String redirectUri, String username, String password)
            throws IOException, InterruptedException {
        String verifier = verifier();
        Login login = startAndLogin(clientId, redirectUri, username, password, challenge(verifier));
        if (!login.succeeded()) {
            throw new IllegalStateException("Login failed: " + login.location());
        }
        HttpResponse<String> authorized = send(login.browser(), HttpRequest.newBuilder(absolute(login.location()))
                .header("Accept", "text/html").GET().build());
        String redirect = authorized.headers().firstValue("Location").orElseThrow(
                () -> new IllegalStateException("No redirect: " + authorized.statusCode() + " " + authorized.body()));
        String code = query(URI.create(redirect)).get("code");
        if (code == null) {
            throw new IllegalStateException("No code in " + redirect);
        }
        HttpResponse<String> token = tokenRequest(null, Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", redirectUri, "client_id", clientId, "code_verifier", verifier));
        if (token.statusCode() != 200) {
            throw new IllegalStateException("Token request failed: " + token.statusCode() + " " + token.body());
        }
        return JSON.readTree(token.body());
    }

    /** Starts the flow and posts the login form once. */
    public Login startAndLogin(String clientId, String redirectUri, String username, String password,
            String challenge) throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String authorize = "/oauth2/authorize?response_type=code&client_id=" + enc(clientId) + "&redirect_uri="
                + enc(redirectUri) + "&scope=" + enc("openid profile") + "&state=xyz&code_challenge=" + challenge
                + "&code_challenge_method=S256";
        HttpResponse<String> start = send(browser, HttpRequest.newBuilder(URI.create(base + authorize))
                .header("Accept", "text/html").GET().build());
        String loginPage = start.headers().firstValue("Location").orElseThrow(
                () -> new IllegalStateException("Not sent to login: " + start.statusCode() + " " + start.body()));
        HttpResponse<String> page = send(browser, HttpRequest.newBuilder(absolute(loginPage))
                .header("Accept", "text/html").GET().build());
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new IllegalStateException("No CSRF token on the login page: " + page.body());
        }
        HttpResponse<String> posted = send(browser, HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password,
                        "_csrf", csrf.group(1)))))
                .build());
        String location = posted.headers().firstValue("Location").orElse("");
        return new Login(posted.statusCode() == 302 && !location.contains("error"), location, browser);
    }

    public HttpResponse<String> refresh(String clientId, String refreshToken)
            throws IOException, InterruptedException {
        return tokenRequest(null, Map.of("grant_type", "refresh_token", "refresh_token", refreshToken,
                "client_id", clientId));
    }

    public HttpResponse<String> clientCredentials(String clientId, String secret, String scope)
            throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return tokenRequest("Basic " + basic, Map.of("grant_type", "client_credentials", "scope", scope));
    }

    /** The claims of a JWT (not verified: the tests look at what the server put in). */
    public static JsonNode claims(String jwt) {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    public static JsonNode header(String jwt) {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]));
    }

    public static String verifier() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private HttpResponse<String> tokenRequest(@Nullable String authorization, Map<String, String> params)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(params)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI absolute(String location) {
        return location.startsWith("http") ? URI.create(location) : URI.create(base + location);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request)
            throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String form(Map<String, String> params) {
        return params.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> result = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                result.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return result;
    }
}

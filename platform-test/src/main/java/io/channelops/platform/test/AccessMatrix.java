package io.channelops.platform.test;

import static io.channelops.platform.test.Callers.ADMIN;
import static io.channelops.platform.test.Callers.AUDITOR;
import static io.channelops.platform.test.Callers.DIRECTOR;
import static io.channelops.platform.test.Callers.EAST_1;
import static io.channelops.platform.test.Callers.FINANCE;
import static io.channelops.platform.test.Callers.HQ;
import static io.channelops.platform.test.Callers.LOGISTICS;
import static io.channelops.platform.test.Callers.MANAGER_EAST;
import static io.channelops.platform.test.Callers.MANAGER_EAST_1;
import static io.channelops.platform.test.Callers.MANAGER_EAST_2;
import static io.channelops.platform.test.Callers.MANAGER_WEST;
import static io.channelops.platform.test.Callers.REP_EAST_1;
import static io.channelops.platform.test.Callers.REP_EAST_1_B;
import static io.channelops.platform.test.Callers.REP_EAST_2;
import static io.channelops.platform.test.Callers.REP_WEST_1;
import static io.channelops.platform.test.Callers.WEST;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The access matrix: every id-bearing endpoint of a service, called by every kind of caller against a record owned
 * by {@link Callers#REP_EAST_1} (team east-1), each with the status the access rules require:
 * <ul>
 *   <li>403 when the caller lacks the endpoint's permission (a role that does not grant it, a client without the
 *       scope, an auditor writing);</li>
 *   <li>404 when the record lies outside the caller's data scope (another rep, a manager of another region or
 *       team, a client registered for another subtree), never 403, so ids cannot be probed;</li>
 *   <li>the endpoint's success status otherwise.</li>
 * </ul>
 * Lists ({@link #listing}) must contain the record exactly for the callers who may see it. The rules below are the
 * specification, written down independently of the services' configuration: a change to who may do what must change
 * both.
 *
 * <pre>{@code
 * AccessMatrix matrix = new AccessMatrix("customer-service", "http://localhost:" + port);
 * matrix.endpoint("GET", "/api/v1/customers/{id}").requires("customers:read").ok(200).record(this::customerOfRep);
 * matrix.endpoint("PATCH", "/api/v1/customers/{id}").requires("customers:write").ok(200)
 *         .record(this::customerOfRep).body(id -> "{\"name\":\"New\"}").header("If-Match", id -> "\"0\"");
 * matrix.verify();   // fails listing every mismatch; writes target/access-matrix/customer-service.md
 * }</pre>
 */
public final class AccessMatrix {

    /** Owner of every record under test. */
    public static final Caller OWNER = REP_EAST_1;

    /** What each role may do and see: the specification the matrix checks. */
    private static final Map<String, Rule> ROLES = Map.of(
            "ADMIN", new Rule(Level.ALL, Set.of("events:admin", "metrics:read", "products:read", "prices:read",
                    "customers:configure", "sales:configure")),
            "DIRECTOR", new Rule(Level.ALL, Set.of("customers:read", "customers:write", "customers:assign",
                    "products:read", "products:write", "prices:read", "orders:read", "orders:write",
                    "orders:approve", "logistics:read", "finance:read", "credit:check", "kpi:read", "prices:write",
                    "prices:review", "prices:approve", "leads:read", "leads:write", "leads:assign",
                    "opportunities:read", "opportunities:write", "forecast:override", "quotes:read", "quotes:write",
                    "quotes:approve")),
            "MANAGER", new Rule(Level.SUBTREE, Set.of("customers:read", "customers:write", "customers:assign",
                    "products:read", "prices:read", "orders:read", "orders:write", "orders:approve",
                    "logistics:read", "finance:read", "credit:check", "kpi:read", "prices:write", "leads:read",
                    "leads:write", "leads:assign", "opportunities:read", "opportunities:write", "forecast:override",
                    "quotes:read", "quotes:write", "quotes:approve")),
            "REP", new Rule(Level.OWN, Set.of("customers:read", "customers:write", "products:read", "prices:read",
                    "orders:read", "orders:write", "logistics:read", "finance:read", "credit:check", "kpi:read",
                    "leads:read", "leads:write", "opportunities:read", "opportunities:write", "quotes:read",
                    "quotes:write")),
            "FINANCE", new Rule(Level.ALL, Set.of("finance:read", "finance:write", "credit:check", "credit:write",
                    "customers:read", "orders:read", "kpi:read", "prices:review", "quotes:read")),
            "LOGISTICS", new Rule(Level.ALL, Set.of("logistics:read", "logistics:write", "orders:read",
                    "customers:read", "products:read")),
            "AUDITOR", new Rule(Level.ALL, Set.of("customers:read", "products:read", "prices:read", "orders:read",
                    "logistics:read", "finance:read", "kpi:read", "metrics:read", "leads:read", "opportunities:read",
                    "quotes:read")));

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String service;
    private final String baseUrl;
    private final List<Endpoint> endpoints = new ArrayList<>();
    private final List<Listing> listings = new ArrayList<>();

    public AccessMatrix(String service, String baseUrl) {
        this.service = service;
        this.baseUrl = baseUrl;
    }

    /** Every caller the matrix tries, for an endpoint that needs {@code permission}. */
    public static List<Caller> callers(String permission) {
        return List.of(REP_EAST_1, REP_EAST_1_B, REP_EAST_2, REP_WEST_1, MANAGER_EAST_1, MANAGER_EAST_2,
                MANAGER_EAST, MANAGER_WEST, DIRECTOR, AUDITOR, FINANCE, LOGISTICS, ADMIN,
                Callers.client("matrix-client-hq", HQ, permission),
                Callers.client("matrix-client-east-1", EAST_1, permission),
                Callers.client("matrix-client-west", WEST, permission),
                Callers.client("matrix-client-no-scope", HQ, "unrelated:read"));
    }

    /** An endpoint with {@code {id}} in its path; each call gets a fresh record from {@link Endpoint#record}. */
    public Endpoint endpoint(String method, String pathTemplate) {
        Endpoint endpoint = new Endpoint(method, pathTemplate);
        endpoints.add(endpoint);
        return endpoint;
    }

    /**
     * A list endpoint (page envelope, {@code content[].id}) that must show {@code record}'s id exactly to the callers
     * who may see it. {@code path} may carry query parameters that narrow the list (e.g. to a customer).
     */
    public Listing listing(String path, String permission, Supplier<String> record) {
        Listing listing = new Listing(path, permission, record);
        listings.add(listing);
        return listing;
    }

    /** The status the rules require of {@code caller} on a record owned by {@link #OWNER}. */
    public static int expected(Caller caller, String permission, boolean scoped, int ok) {
        if (!permissions(caller).contains(permission)) {
            return 403;
        }
        return scoped && !sees(caller) ? 404 : ok;
    }

    static Set<String> permissions(Caller caller) {
        if (caller.client()) {
            return caller.scopes();
        }
        Set<String> granted = new java.util.HashSet<>();
        caller.roles().forEach(role -> granted.addAll(ROLES.getOrDefault(role, new Rule(Level.OWN, Set.of()))
                .permissions()));
        return granted;
    }

    /** Whether {@code caller}'s data scope contains a record owned by {@link #OWNER} in its team. */
    static boolean sees(Caller caller) {
        if (caller.client()) {
            return within(OWNER.orgPath(), caller.orgPath());
        }
        Level level = Level.OWN;
        for (String role : caller.roles()) {
            Level granted = ROLES.getOrDefault(role, new Rule(Level.OWN, Set.of())).level();
            level = granted.ordinal() > level.ordinal() ? granted : level;
        }
        return switch (level) {
            case ALL -> true;
            case SUBTREE -> within(OWNER.orgPath(), caller.orgPath());
            case OWN -> caller.id().equals(OWNER.id());
        };
    }

    private static boolean within(String path, String root) {
        return path.equals(root) || path.startsWith(root + "/");
    }

    /** Runs every case; fails with the list of mismatches. Writes the table to target/access-matrix/. */
    public void verify() {
        List<String> rows = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        int cases = 0;
        for (Endpoint endpoint : endpoints) {
            for (Caller caller : callers(endpoint.permission)) {
                int expected = endpoint.overrides.getOrDefault(caller.name(),
                        expected(caller, endpoint.permission, endpoint.scoped, endpoint.ok));
                String id = endpoint.record.get();
                String path = endpoint.path.replace("{id}", id);
                HttpResponse<String> response = call(endpoint.method, path, caller,
                        endpoint.body == null ? null : endpoint.body.apply(id), endpoint.headers(id));
                cases++;
                boolean match = response.statusCode() == expected && problemIfError(response);
                rows.add(row(endpoint.method + " " + endpoint.path, caller, expected, response.statusCode(), match));
                if (!match) {
                    mismatches.add(endpoint.method + " " + path + " as " + caller + ": expected " + expected
                            + ", got " + response.statusCode() + " " + abbreviate(response.body()));
                }
            }
        }
        for (Listing listing : listings) {
            String id = listing.record.get();
            for (Caller caller : callers(listing.permission)) {
                boolean permitted = permissions(caller).contains(listing.permission);
                boolean visible = permitted && sees(caller);
                HttpResponse<String> response = call("GET", listing.path, caller, null, Map.of());
                cases++;
                boolean match;
                String got;
                if (!permitted) {
                    match = response.statusCode() == 403 && problemIfError(response);
                    got = String.valueOf(response.statusCode());
                } else if (response.statusCode() != 200) {
                    match = false;
                    got = String.valueOf(response.statusCode());
                } else {
                    boolean listed = ids(response.body()).contains(id);
                    match = listed == visible;
                    got = listed ? "listed" : "hidden";
                }
                String expected = !permitted ? "403" : visible ? "listed" : "hidden";
                rows.add("| GET " + listing.path + " (list) | " + caller + " | " + expected + " | " + got + " | "
                        + (match ? "ok" : "**MISMATCH**") + " |");
                if (!match) {
                    mismatches.add("GET " + listing.path + " as " + caller + ": expected " + expected + ", got "
                            + got + " " + abbreviate(response.body()));
                }
            }
        }
        report(rows, cases, mismatches.size());
        if (!mismatches.isEmpty()) {
            throw new AssertionError(service + " access matrix: " + mismatches.size() + " of " + cases
                    + " cases differ from the rules:\n  " + String.join("\n  ", mismatches));
        }
    }

    /** Number of endpoint x caller cases {@link #verify} runs. */
    public int caseCount() {
        int count = 0;
        for (Endpoint endpoint : endpoints) {
            count += callers(endpoint.permission).size();
        }
        for (Listing listing : listings) {
            count += callers(listing.permission).size();
        }
        return count;
    }

    private void report(List<String> rows, int cases, int mismatches) {
        String summary = "ACCESS MATRIX " + service + ": " + (endpoints.size() + listings.size())
                + " endpoints x " + callers("any").size() + " callers = " + cases + " cases, " + mismatches
                + " mismatches";
        System.out.println(summary);
        StringBuilder table = new StringBuilder("# " + summary + "\n\n| endpoint | caller | expected | got | |\n"
                + "|---|---|---|---|---|\n");
        rows.forEach(r -> table.append(r).append('\n'));
        try {
            Path dir = Path.of("target", "access-matrix");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(service + ".md"), table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String row(String endpoint, Caller caller, int expected, int got, boolean match) {
        return "| " + endpoint + " | " + caller + " | " + expected + " | " + got + " | "
                + (match ? "ok" : "**MISMATCH**") + " |";
    }

    /** 4xx answers must be problem+json. */
    private static boolean problemIfError(HttpResponse<String> response) {
        return response.statusCode() < 400 || response.headers().firstValue("Content-Type")
                .map(type -> type.startsWith("application/problem+json")).orElse(false);
    }

    private HttpResponse<String> call(String method, String path, Caller caller, @Nullable String body,
            Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", caller.bearer())
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> ids(String page) {
        Set<String> ids = new java.util.HashSet<>();
        JsonNode content = JSON.readTree(page).path("content");
        content.forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }

    /** One id-bearing endpoint of the matrix. */
    public static final class Endpoint {

        private final String method;
        private final String path;
        private String permission = "";
        private int ok = 200;
        private boolean scoped = true;
        private Supplier<String> record = () -> {
            throw new IllegalStateException("No record supplier: call record(...)");
        };
        private @Nullable Function<String, String> body;
        private final Map<String, Function<String, String>> headers = new LinkedHashMap<>();
        private final Map<String, Integer> overrides = new LinkedHashMap<>();

        private Endpoint(String method, String path) {
            this.method = method;
            this.path = path;
        }

        /** The permission the endpoint requires. */
        public Endpoint requires(String permission) {
            this.permission = permission;
            return this;
        }

        /** The status of a permitted call in scope (default 200). */
        public Endpoint ok(int status) {
            this.ok = status;
            return this;
        }

        /** Makes a fresh record owned by {@link #OWNER} in its team and returns its id; called once per case. */
        public Endpoint record(Supplier<String> record) {
            this.record = record;
            return this;
        }

        /** The request body for a record id. */
        public Endpoint body(Function<String, String> body) {
            this.body = body;
            return this;
        }

        /** A header for a record id, e.g. {@code If-Match}. */
        public Endpoint header(String name, Function<String, String> value) {
            headers.put(name, value);
            return this;
        }

        /** Reference data (products, warehouses): not scoped by org, only by permission. */
        public Endpoint unscoped() {
            this.scoped = false;
            return this;
        }

        /** An exception to the rules for one caller, by {@link Caller#name()}; say why in the test. */
        public Endpoint expect(Caller caller, int status) {
            overrides.put(caller.name(), status);
            return this;
        }

        private Map<String, String> headers(String id) {
            Map<String, String> values = new LinkedHashMap<>();
            headers.forEach((name, value) -> values.put(name, value.apply(id)));
            return values;
        }
    }

    /** A list endpoint of the matrix. */
    public record Listing(String path, String permission, Supplier<String> record) {
    }

    private enum Level { OWN, SUBTREE, ALL }

    private record Rule(Level level, Set<String> permissions) {
    }
}

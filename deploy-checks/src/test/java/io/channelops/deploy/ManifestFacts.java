package io.channelops.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the manifests must agree with, read from the sources: each service's port and the environment variables it
 * reads (its application.yml and, for the services on platform-starter, channelops-defaults.properties), the services
 * it calls, and the topics of docs/events.md.
 */
final class ManifestFacts {

    /** The deployed modules: the services and the gateway. */
    static final List<String> SERVICES = List.of("identity-service", "customer-service", "sales-service",
            "order-service", "logistics-service", "finance-service", "kpi-service", "gateway");

    static final String IDENTITY = "identity-service";
    static final String GATEWAY = "gateway";

    /** Variables without a default that works in a cluster (the defaults point at localhost or a local demo secret). */
    static final Set<String> NO_SAFE_DEFAULT = Set.of("DB_URL", "DB_USERNAME", "DB_PASSWORD",
            "KAFKA_BOOTSTRAP_SERVERS", "ISSUER_URL", "JWKS_URI");

    /** Variables that carry a credential: they must come from a Secret, never from a ConfigMap or a literal. */
    static final Set<String> CREDENTIALS = Set.of("DB_USERNAME", "DB_PASSWORD", "SERVICE_CLIENT_SECRET");

    /** URLs that do not name a called service: the database, and the issuer's public name. */
    private static final Set<String> NOT_CALLS = Set.of("DB_URL", "ISSUER_URL");

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    private static final Pattern PORT = Pattern.compile("\\$\\{SERVER_PORT:(\\d+)}");
    private static final Pattern TABLE_TOPIC = Pattern.compile("^\\|\\s*`([a-z0-9.-]+)`\\s*\\|");
    private static final Pattern TOPIC_MENTION = Pattern.compile("\\*\\*Topic:\\*\\*\\s*`([a-z0-9.-]+)`");

    private ManifestFacts() {
    }

    static Path repo() {
        return KustomizeRender.repoRoot();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String applicationYml(String module) {
        return read(repo().resolve(module).resolve("src/main/resources/application.yml"));
    }

    private static boolean usesPlatformStarter(String module) {
        return read(repo().resolve(module).resolve("pom.xml")).contains("<artifactId>platform-starter</artifactId>");
    }

    /** The port the module listens on: the default of SERVER_PORT in its application.yml. */
    static int port(String module) {
        Matcher m = PORT.matcher(applicationYml(module));
        if (!m.find()) {
            throw new IllegalStateException(module + "'s application.yml has no ${SERVER_PORT:<port>}");
        }
        return Integer.parseInt(m.group(1));
    }

    static Map<String, Integer> ports() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        SERVICES.forEach(s -> ports.put(s, port(s)));
        return ports;
    }

    /** Every ${VAR} the module reads: its application.yml, and the platform defaults when it uses platform-starter. */
    static Set<String> variablesRead(String module) {
        Set<String> names = variables(applicationYml(module));
        if (usesPlatformStarter(module)) {
            names.addAll(variables(read(repo().resolve(
                    "platform-starter/src/main/resources/channelops-defaults.properties"))));
        }
        return names;
    }

    private static Set<String> variables(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /**
     * The variables a Deployment of the module must set: those it reads that have no safe in-cluster default, every
     * {@code *_URL} it reads, and, for a service that asks for its own token (its application.yml names the scopes of
     * its client), its client secret and the token endpoint.
     */
    static Set<String> requiredEnvironment(String module) {
        Set<String> read = variablesRead(module);
        Set<String> required = new TreeSet<>();
        for (String name : read) {
            if (NO_SAFE_DEFAULT.contains(name) || name.endsWith("_URL")) {
                required.add(name);
            }
        }
        if (variables(applicationYml(module)).contains("SERVICE_CLIENT_SCOPES")) {
            required.add("SERVICE_CLIENT_SECRET");
            required.add("TOKEN_URI");
        }
        return required;
    }

    static Map<String, Set<String>> requiredEnvironment() {
        Map<String, Set<String>> all = new LinkedHashMap<>();
        SERVICES.forEach(s -> all.put(s, requiredEnvironment(s)));
        return all;
    }

    /**
     * The services the module calls: one per {@code <NAME>_URL} it reads (NAME-service, or NAME itself), and
     * identity-service for every module (its JWKS). DB_URL and ISSUER_URL (the issuer's public name) are not calls.
     */
    static Set<String> callees(String module) {
        Set<String> callees = new TreeSet<>();
        for (String name : variablesRead(module)) {
            if (name.endsWith("_URL") && !NOT_CALLS.contains(name)) {
                String base = name.substring(0, name.length() - "_URL".length()).toLowerCase().replace('_', '-');
                String callee = SERVICES.contains(base + "-service") ? base + "-service" : base;
                if (!SERVICES.contains(callee)) {
                    throw new IllegalStateException(module + " reads " + name + " but there is no module " + callee);
                }
                callees.add(callee);
            }
        }
        callees.add(IDENTITY);
        return callees;
    }

    /** Every topic of docs/events.md: the rows of its Topics table and every event's "Topic:". */
    static Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        boolean inTopics = false;
        for (String line : read(repo().resolve("docs/events.md")).split("\n")) {
            if (line.startsWith("## ")) {
                inTopics = line.trim().equals("## Topics");
            }
            Matcher row = TABLE_TOPIC.matcher(line);
            if (inTopics && row.find()) {
                topics.add(row.group(1));
            }
            Matcher mention = TOPIC_MENTION.matcher(line);
            while (mention.find()) {
                topics.add(mention.group(1));
            }
        }
        return topics;
    }

    /** The topics and their dead-letter companions. */
    static Set<String> topicsWithDeadLetters() {
        Set<String> all = new TreeSet<>();
        for (String topic : topics()) {
            all.add(topic);
            all.add(topic + ".dlt");
        }
        return all;
    }
}

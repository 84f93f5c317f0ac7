package io.channelops.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * What the deployment files must agree with, read from the sources themselves: the service modules of the root
 * pom.xml, each one's port, database and the environment variables its configuration reads, and the topics of
 * docs/events.md. Nothing here is a copy of a list that could drift.
 */
final class ComposeRepo {

    /** Tests run in deploy-checks/; the repository root is its parent. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");
    private static final Pattern PORT = Pattern.compile("^\\$\\{SERVER_PORT:(\\d+)}$");
    private static final Pattern TABLE_ROW = Pattern.compile("^\\|\\s*`([a-z0-9.-]+)`\\s*\\|");
    private static final Pattern TOPIC_MENTION = Pattern.compile("\\*\\*Topic:\\*\\*\\s*`([a-z0-9.-]+)`");

    private ComposeRepo() {
    }

    /**
     * A deployable module.
     *
     * @param name the Maven module (and image) name
     * @param port its HTTP port: the default of {@code SERVER_PORT} in its application.yml
     * @param database its schema ({@code channelops.service.database}, defaulted as platform-starter does), or null
     *        for a module without platform-starter (no database, no Kafka)
     * @param variables every environment variable its configuration reads, with the default it falls back to
     *        (null when none)
     * @param asksForOwnToken whether it sets {@code channelops.security.client-scopes}: it fetches its own
     *        client-credentials token and so needs its secret and the token endpoint
     */
    record ServiceModule(String name, int port, @Nullable String database,
            Map<String, @Nullable String> variables, boolean asksForOwnToken) {

        boolean usesPlatform() {
            return database != null;
        }

        /** The variables that have to be set in a container, because their defaults only work on a laptop. */
        Set<String> requiredVariables() {
            Set<String> required = new TreeSet<>(Set.of("ISSUER_URL", "JWKS_URI"));
            if (usesPlatform()) {
                required.addAll(Set.of("DB_URL", "DB_USERNAME", "DB_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS"));
            }
            if (asksForOwnToken) {
                required.addAll(Set.of("SERVICE_CLIENT_SECRET", "TOKEN_URI"));
            }
            variables.forEach((variable, fallback) -> {
                // every URL it reads, and anything whose default points at the container itself
                if (variable.endsWith("_URL") || (fallback != null && fallback.contains("localhost"))) {
                    required.add(variable);
                }
            });
            return required;
        }
    }

    /** The root pom's modules, in order. */
    static List<String> reactorModules() {
        return MODULE.matcher(read(ROOT.resolve("pom.xml"))).results().map(m -> m.group(1).strip()).toList();
    }

    /** The modules that become images: every {@code *-service} module and the gateway. */
    static List<ServiceModule> serviceModules() {
        return reactorModules().stream()
                .filter(module -> module.endsWith("-service") || module.equals("gateway"))
                .map(ComposeRepo::serviceModule)
                .toList();
    }

    static ServiceModule serviceModule(String module) {
        Path yml = ROOT.resolve(module).resolve("src/main/resources/application.yml");
        String text = read(yml);
        Map<String, Object> config = yaml(yml);
        boolean platform = read(ROOT.resolve(module).resolve("pom.xml"))
                .contains("<artifactId>platform-starter</artifactId>");

        Object serverPort = ComposeYaml.at(config, "server.port");
        Matcher port = PORT.matcher(String.valueOf(serverPort));
        if (!port.matches()) {
            throw new IllegalStateException(module + ": server.port is not ${SERVER_PORT:<port>} but " + serverPort);
        }

        String database = null;
        Map<String, @Nullable String> variables = new java.util.TreeMap<>(variables(text));
        if (platform) {
            // as platform-starter defaults them: database <- service name <- spring.application.name
            Object db = ComposeYaml.at(config, "channelops.service.database");
            Object name = ComposeYaml.at(config, "channelops.service.name");
            Object application = ComposeYaml.at(config, "spring.application.name");
            database = String.valueOf(db != null ? db : name != null ? name : application);
            variables(platformDefaults()).forEach(variables::putIfAbsent);
        }
        boolean ownToken = ComposeYaml.at(config, "channelops.security.client-scopes") != null;
        return new ServiceModule(module, Integer.parseInt(port.group(1)), database, variables, ownToken);
    }

    /** platform-starter's defaults, read by every service built on it. */
    static String platformDefaults() {
        return read(ROOT.resolve("platform-starter/src/main/resources/channelops-defaults.properties"));
    }

    /** {@code ${NAME:default}} references: each variable with its default (null when it has none). */
    static Map<String, @Nullable String> variables(String text) {
        Map<String, @Nullable String> variables = new java.util.TreeMap<>();
        Matcher matcher = VARIABLE.matcher(text);
        while (matcher.find()) {
            variables.putIfAbsent(matcher.group(1), matcher.group(2));
        }
        return variables;
    }

    /**
     * Every topic of docs/events.md: the rows of its Topics table and every topic an event section names
     * ({@code **Topic:** `x`}), so a topic missing from the table is still found.
     */
    static Set<String> eventTopics() {
        String events = read(ROOT.resolve("docs/events.md"));
        Set<String> topics = new LinkedHashSet<>();
        boolean inTable = false;
        for (String line : events.lines().toList()) {
            if (line.startsWith("## ")) {
                inTable = line.strip().equals("## Topics");
                continue;
            }
            Matcher row = TABLE_ROW.matcher(line);
            if (inTable && row.find()) {
                topics.add(row.group(1));
            }
        }
        if (topics.isEmpty()) {
            throw new IllegalStateException("docs/events.md has no Topics table rows");
        }
        TOPIC_MENTION.matcher(events).results().forEach(m -> topics.add(m.group(1)));
        return topics;
    }

    /** Every {@code *.json} file under a folder (none when the folder does not exist). */
    static List<Path> jsonFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return new ArrayList<>(files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read " + ROOT.relativize(file.toAbsolutePath().normalize()), ex);
        }
    }

    /** A YAML file as maps and lists; anchors and merge keys ({@code <<}) resolved as Compose resolves them. */
    static Map<String, Object> yaml(Path file) {
        return yamlText(read(file));
    }

    static Map<String, Object> yamlText(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Map<String, Object> loaded = new Yaml(options).load(text);
        return loaded == null ? Map.of() : loaded;
    }
}

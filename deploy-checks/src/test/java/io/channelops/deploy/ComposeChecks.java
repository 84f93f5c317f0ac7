package io.channelops.deploy;

import static io.channelops.deploy.ComposeYaml.at;
import static io.channelops.deploy.ComposeYaml.list;
import static io.channelops.deploy.ComposeYaml.map;
import static io.channelops.deploy.ComposeYaml.string;

import io.channelops.deploy.ComposeRepo.ServiceModule;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The rules docker-compose.yml and the files it mounts must follow. Each check takes the parsed files and answers
 * the problems it finds (empty when there are none), so the tests apply the same checks to the real files and to
 * deliberately broken copies.
 */
final class ComposeChecks {

    static final long MIN_SERVICE_MEMORY = 256L << 20;

    private static final Set<String> RESTARTING = Set.of("always", "unless-stopped", "on-failure");
    private static final Pattern JDBC = Pattern.compile("^jdbc:mysql://([^:/]+):(\\d+)/([A-Za-z0-9_]+)(\\?.*)?$");
    private static final Pattern CREATE_DATABASE = Pattern.compile(
            "CREATE\\s+DATABASE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?`?(\\w+)`?", Pattern.CASE_INSENSITIVE);
    private static final Pattern CREATE_USER = Pattern.compile(
            "CREATE\\s+USER\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?'([^']+)'@'([^']+)'\\s+IDENTIFIED\\s+BY\\s+'([^']*)'",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern GRANT = Pattern.compile(
            "GRANT\\s+(.+?)\\s+ON\\s+(\\S+)\\s+TO\\s+'([^']+)'@'([^']+)'([^;]*);", Pattern.CASE_INSENSITIVE);
    private static final Pattern TOPIC_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]*\\.[a-z0-9.-]+");

    private ComposeChecks() {
    }

    /**
     * The deployment as the checks see it.
     *
     * @param compose docker-compose.yml
     * @param mysqlInit the SQL files MySQL runs on its first start (what the mysql service mounts at
     *        /docker-entrypoint-initdb.d), concatenated
     * @param prometheus the Prometheus configuration the prometheus service starts with
     * @param grafanaProvisioning each provisioning file the grafana service mounts, by its path in the container
     * @param modules the service modules of the reactor
     * @param topics the topics of docs/events.md
     */
    record Deployment(Map<String, Object> compose, String mysqlInit, Map<String, Object> prometheus,
            Map<String, Map<String, Object>> grafanaProvisioning, List<ServiceModule> modules, Set<String> topics) {

        Map<String, Object> services() {
            return map(compose.get("services"));
        }

        Map<String, Object> service(String name) {
            return map(services().get(name));
        }

        /** The compose service built with MODULE = module, or null. */
        @Nullable String serviceOf(String module) {
            return services().entrySet().stream()
                    .filter(e -> module.equals(string(at(e.getValue(), "build.args.MODULE"))))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElse(null);
        }

        /** The first compose service whose image name contains the fragment, or null. */
        @Nullable String serviceWithImage(String fragment) {
            return services().entrySet().stream()
                    .filter(e -> String.valueOf(map(e.getValue()).get("image")).contains(fragment))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElse(null);
        }

        /** The one-shot service that creates the topics (its command runs kafka-topics.sh --create), or null. */
        @Nullable String topicCreator() {
            return services().entrySet().stream()
                    .filter(e -> {
                        String script = commandText(map(e.getValue()));
                        return script.contains("kafka-topics.sh") && script.contains("--create");
                    })
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElse(null);
        }

        /** Services others wait for with service_completed_successfully: jobs that run once and exit. */
        Set<String> oneShots() {
            Set<String> jobs = new TreeSet<>();
            services().values().forEach(service -> ComposeYaml.dependsOn(map(service)).forEach((name, condition) -> {
                if (condition.equals("service_completed_successfully")) {
                    jobs.add(name);
                }
            }));
            return jobs;
        }

        @Nullable ServiceModule module(String name) {
            return modules.stream().filter(m -> m.name().equals(name)).findFirst().orElse(null);
        }

        /** The same deployment with a changed copy of the compose file. */
        Deployment withCompose(Map<String, Object> changed) {
            return new Deployment(changed, mysqlInit, prometheus, grafanaProvisioning, modules, topics);
        }

        Deployment withMysqlInit(String changed) {
            return new Deployment(compose, changed, prometheus, grafanaProvisioning, modules, topics);
        }

        Deployment withPrometheus(Map<String, Object> changed) {
            return new Deployment(compose, mysqlInit, changed, grafanaProvisioning, modules, topics);
        }

        Deployment withGrafanaProvisioning(Map<String, Map<String, Object>> changed) {
            return new Deployment(compose, mysqlInit, prometheus, changed, modules, topics);
        }
    }

    /** Reads the repository's files, following the compose file's mounts to the configuration it hands each tool. */
    static Deployment load() {
        Path root = ComposeRepo.ROOT;
        Map<String, Object> compose = ComposeRepo.yaml(root.resolve("docker-compose.yml"));
        Deployment partial = new Deployment(compose, "", Map.of(), Map.of(), ComposeRepo.serviceModules(),
                ComposeRepo.eventTopics());

        String mysql = Objects.requireNonNull(partial.serviceWithImage("mysql"), "no mysql service");
        String initFolder = Objects.requireNonNull(
                ComposeYaml.hostPath(partial.service(mysql), "/docker-entrypoint-initdb.d"),
                "the mysql service mounts no init scripts");
        StringBuilder sql = new StringBuilder();
        List<Path> scripts = filesIn(root.resolve(initFolder), ".sql");
        scripts.forEach(script -> sql.append(ComposeRepo.read(script)).append('\n'));

        String prometheus = Objects.requireNonNull(partial.serviceWithImage("prometheus"), "no prometheus service");
        String configFile = list(partial.service(prometheus).get("command")).stream()
                .map(String::valueOf)
                .filter(arg -> arg.startsWith("--config.file="))
                .map(arg -> arg.substring("--config.file=".length()))
                .findFirst()
                .orElse("/etc/prometheus/prometheus.yml");
        String prometheusHost = Objects.requireNonNull(ComposeYaml.hostPath(partial.service(prometheus), configFile),
                "the prometheus service does not mount " + configFile);

        String grafana = Objects.requireNonNull(partial.serviceWithImage("grafana"), "no grafana service");
        String provisioningHost = Objects.requireNonNull(
                ComposeYaml.hostPath(partial.service(grafana), "/etc/grafana/provisioning"),
                "the grafana service mounts no provisioning folder");
        Map<String, Map<String, Object>> provisioning = new LinkedHashMap<>();
        for (String kind : List.of("datasources", "dashboards")) {
            Path folder = root.resolve(provisioningHost).resolve(kind);
            for (Path file : filesIn(folder, ".yml")) {
                provisioning.put("/etc/grafana/provisioning/" + kind + "/" + file.getFileName(), ComposeRepo.yaml(file));
            }
            for (Path file : filesIn(folder, ".yaml")) {
                provisioning.put("/etc/grafana/provisioning/" + kind + "/" + file.getFileName(), ComposeRepo.yaml(file));
            }
        }
        return new Deployment(compose, sql.toString(), ComposeRepo.yaml(root.resolve(prometheusHost)), provisioning,
                partial.modules(), partial.topics());
    }

    // --- images ------------------------------------------------------------------------------------------

    /** Each module has exactly one compose service built from the Dockerfile with MODULE = its name and its port. */
    static List<String> images(Deployment d) {
        List<String> problems = new ArrayList<>();
        for (ServiceModule module : d.modules()) {
            List<String> built = d.services().entrySet().stream()
                    .filter(e -> module.name().equals(string(at(e.getValue(), "build.args.MODULE"))))
                    .map(Map.Entry::getKey)
                    .toList();
            if (built.size() != 1) {
                problems.add(module.name() + ": expected one compose service built with MODULE=" + module.name()
                        + ", found " + built);
                continue;
            }
            Map<String, Object> service = d.service(built.getFirst());
            String image = String.valueOf(service.get("image"));
            if (!image.contains("channelops/" + module.name() + ":")) {
                problems.add(module.name() + ": image " + image + " is not channelops/" + module.name() + ":<tag>");
            }
            String port = string(at(service, "build.args.PORT"));
            if (!String.valueOf(module.port()).equals(port)) {
                problems.add(module.name() + ": build arg PORT is " + port + ", its application.yml says "
                        + module.port());
            }
            Object context = at(service, "build.context");
            Object dockerfile = at(service, "build.dockerfile");
            if (!".".equals(context) && !"./".equals(context)) {
                problems.add(module.name() + ": build context is " + context + ", not the repository root");
            }
            if (dockerfile != null && !"Dockerfile".equals(dockerfile)) {
                problems.add(module.name() + ": built from " + dockerfile + ", not the shared Dockerfile");
            }
        }
        return problems;
    }

    // --- health, memory, restarts ----------------------------------------------------------------------

    /** Every long-running container has a health check; a module's probes its own actuator health. */
    static List<String> healthChecks(Deployment d) {
        List<String> problems = new ArrayList<>();
        Set<String> oneShots = d.oneShots();
        d.services().forEach((name, value) -> {
            if (oneShots.contains(name)) {
                return;
            }
            Map<String, Object> healthcheck = map(map(value).get("healthcheck"));
            List<?> test = list(healthcheck.get("test"));
            String testText = test.stream().map(String::valueOf).collect(Collectors.joining(" "));
            if (Boolean.TRUE.equals(healthcheck.get("disable")) || test.isEmpty()
                    || "NONE".equals(String.valueOf(test.getFirst()))) {
                problems.add(name + ": no health check");
                return;
            }
            String moduleName = moduleOfService(d, name);
            if (moduleName != null) {
                ServiceModule module = Objects.requireNonNull(d.module(moduleName));
                if (!testText.contains("/actuator/health/")) {
                    problems.add(name + ": health check does not probe /actuator/health/: " + testText);
                }
                if (!testText.contains("SERVER_PORT") && !testText.contains(String.valueOf(module.port()))) {
                    problems.add(name + ": health check does not call the service's port: " + testText);
                }
            }
        });
        return problems;
    }

    /** Every container has a memory limit; a JVM service at least {@link #MIN_SERVICE_MEMORY}. */
    static List<String> memoryLimits(Deployment d) {
        List<String> problems = new ArrayList<>();
        d.services().forEach((name, value) -> {
            long limit = ComposeYaml.memoryLimit(map(value));
            if (limit <= 0) {
                problems.add(name + ": no memory limit (mem_limit or deploy.resources.limits.memory)");
            }
            else if (moduleOfService(d, name) != null && limit < MIN_SERVICE_MEMORY) {
                problems.add(name + ": memory limit " + (limit >> 20) + " MiB is too small for a JVM service");
            }
        });
        return problems;
    }

    /** Long-running containers come back after a crash or a reboot; one-shot jobs say explicitly what they do. */
    static List<String> restartPolicies(Deployment d) {
        List<String> problems = new ArrayList<>();
        Set<String> oneShots = d.oneShots();
        d.services().forEach((name, value) -> {
            String restart = string(map(value).get("restart"));
            if (restart == null) {
                problems.add(name + ": no restart policy");
            }
            else if (!oneShots.contains(name) && !RESTARTING.contains(restart.split(":")[0])) {
                problems.add(name + ": restart policy '" + restart + "' does not restart a crashed service");
            }
        });
        return problems;
    }

    // --- start order --------------------------------------------------------------------------------------

    /**
     * Each module waits, healthy, for what its environment points at: its database server, Kafka and
     * identity-service (keys and tokens), and for the topics to exist; the gateway for every service it routes to.
     * A service_healthy dependency must have a health check to become healthy at all.
     */
    static List<String> dependencies(Deployment d) {
        List<String> problems = new ArrayList<>();
        String topicCreator = d.topicCreator();
        for (ServiceModule module : d.modules()) {
            String name = d.serviceOf(module.name());
            if (name == null) {
                continue;
            }
            Map<String, Object> service = d.service(name);
            Map<String, String> env = ComposeYaml.environment(service);
            Map<String, String> needs = new LinkedHashMap<>();
            if (module.usesPlatform()) {
                hostOfJdbc(env.get("DB_URL")).ifPresent(host -> needs.put(host, "service_healthy"));
                for (String server : String.valueOf(env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "")).split(",")) {
                    if (!server.isBlank()) {
                        needs.put(server.strip().split(":")[0], "service_healthy");
                    }
                }
                if (topicCreator != null) {
                    needs.put(topicCreator, "service_completed_successfully");
                }
            }
            String identity = host(env.get("JWKS_URI"));
            if (identity != null) {
                needs.put(identity, "service_healthy");
            }
            if (!module.usesPlatform()) {
                // the gateway: every service it routes to
                env.forEach((variable, value) -> {
                    if (variable.endsWith("_URL") && !variable.equals("ISSUER_URL")) {
                        String target = host(value);
                        if (target != null) {
                            needs.put(target, "service_healthy");
                        }
                    }
                });
            }
            needs.remove(name);
            Map<String, String> declared = ComposeYaml.dependsOn(service);
            needs.forEach((target, condition) -> {
                if (!d.services().containsKey(target)) {
                    problems.add(name + ": needs '" + target + "', which is not a compose service");
                }
                else if (!condition.equals(declared.get(target))) {
                    problems.add(name + ": must depend on " + target + " with condition " + condition + " (has "
                            + declared.get(target) + ")");
                }
            });
        }
        d.services().forEach((name, value) -> ComposeYaml.dependsOn(map(value)).forEach((target, condition) -> {
            if (condition.equals("service_healthy") && map(d.service(target).get("healthcheck")).get("test") == null) {
                problems.add(name + ": waits for " + target + " to be healthy, but " + target
                        + " has no health check");
            }
        }));
        return problems;
    }

    // --- environment --------------------------------------------------------------------------------------

    /**
     * Each module gets every variable whose default only works on a laptop, each pointing at the right compose
     * service: its own database with the user and password the init script creates, the advertised Kafka
     * listener, identity-service inside the network for keys and tokens, one public issuer for all, and every
     * {@code *_URL} at the service it names, on that service's port.
     */
    static List<String> environment(Deployment d) {
        List<String> problems = new ArrayList<>();
        Map<String, DbUser> users = dbUsers(d.mysqlInit());
        String identityModule = "identity-service";
        String identityService = d.serviceOf(identityModule);
        Map<String, String> identityEnv = identityService == null ? Map.of()
                : ComposeYaml.environment(d.service(identityService));
        String issuer = identityEnv.get("ISSUER_URL");

        for (ServiceModule module : d.modules()) {
            String name = d.serviceOf(module.name());
            if (name == null) {
                continue;
            }
            Map<String, String> env = ComposeYaml.environment(d.service(name));
            for (String variable : module.requiredVariables()) {
                if (env.getOrDefault(variable, "").isBlank()) {
                    problems.add(name + ": " + variable + " is not set");
                }
            }
            if (env.containsKey("SERVER_PORT") && !env.get("SERVER_PORT").equals(String.valueOf(module.port()))) {
                problems.add(name + ": SERVER_PORT " + env.get("SERVER_PORT") + " differs from the image's port "
                        + module.port());
            }
            if (module.usesPlatform()) {
                problems.addAll(database(d, name, module, env, users));
                problems.addAll(kafka(d, name, env));
            }
            // tokens: one issuer for everyone, keys and tokens from identity-service inside the network
            if (issuer != null && !issuer.equals(env.get("ISSUER_URL"))) {
                problems.add(name + ": ISSUER_URL " + env.get("ISSUER_URL") + " differs from identity-service's "
                        + issuer + " (tokens would be refused)");
            }
            problems.addAll(pointsAt(d, name, "JWKS_URI", env.get("JWKS_URI"), identityModule, "/oauth2/jwks"));
            if (module.asksForOwnToken()) {
                problems.addAll(pointsAt(d, name, "TOKEN_URI", env.get("TOKEN_URI"), identityModule, "/oauth2/token"));
            }
            // every URL variable naming a module points at that module's service and port
            env.forEach((variable, value) -> {
                if (!variable.endsWith("_URL") || variable.equals("ISSUER_URL") || variable.equals("DB_URL")) {
                    return;
                }
                String prefix = variable.substring(0, variable.length() - "_URL".length()).toLowerCase();
                ServiceModule target = d.module(prefix + "-service");
                if (target == null) {
                    target = d.module(prefix);
                }
                if (target != null) {
                    problems.addAll(pointsAt(d, name, variable, value, target.name(), ""));
                }
            });
        }

        // the issuer is identity-service as the host reaches it: a localhost URL must be a published port
        if (identityService != null && issuer != null) {
            URI uri = URI.create(issuer);
            if ("localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost())) {
                String published = uri.getPort() + ":" + Objects.requireNonNull(d.module(identityModule)).port();
                boolean publishes = list(d.service(identityService).get("ports")).stream()
                        .map(String::valueOf)
                        .anyMatch(p -> p.equals(published) || p.endsWith(":" + published));
                if (!publishes) {
                    problems.add(identityService + ": ISSUER_URL " + issuer + " is not reachable from the host: no "
                            + "published port " + published);
                }
            }
            if (!identityEnv.getOrDefault("SPRING_PROFILES_ACTIVE", "").contains("local")) {
                problems.add(identityService + ": without SPRING_PROFILES_ACTIVE=local there is no demo company and "
                        + "no metrics-scraper or order-service client");
            }
        }
        return problems;
    }

    private static List<String> database(Deployment d, String name, ServiceModule module, Map<String, String> env,
            Map<String, DbUser> users) {
        List<String> problems = new ArrayList<>();
        Matcher jdbc = JDBC.matcher(env.getOrDefault("DB_URL", ""));
        if (!jdbc.matches()) {
            problems.add(name + ": DB_URL " + env.get("DB_URL") + " is not jdbc:mysql://<host>:<port>/<database>");
            return problems;
        }
        String mysql = d.serviceWithImage("mysql");
        if (!jdbc.group(1).equals(mysql)) {
            problems.add(name + ": DB_URL host " + jdbc.group(1) + " is not the MySQL service " + mysql);
        }
        if (!jdbc.group(3).equals(module.database())) {
            problems.add(name + ": DB_URL names database " + jdbc.group(3) + ", the service's is "
                    + module.database());
        }
        String username = env.get("DB_USERNAME");
        DbUser user = users.get(username);
        if (user == null) {
            problems.add(name + ": DB_USERNAME " + username + " is not created by the MySQL init script");
        }
        else {
            if (!user.password().equals(env.get("DB_PASSWORD"))) {
                problems.add(name + ": DB_PASSWORD differs from the password the init script gives " + username);
            }
            if (!user.grants().contains(module.database() + ".*")) {
                problems.add(name + ": " + username + " has no grant on " + module.database() + ".*");
            }
        }
        return problems;
    }

    private static List<String> kafka(Deployment d, String name, Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        for (String server : env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "").split(",")) {
            if (server.isBlank()) {
                continue;
            }
            String host = server.strip().split(":")[0];
            if (!d.services().containsKey(host)) {
                problems.add(name + ": KAFKA_BOOTSTRAP_SERVERS names " + host + ", which is not a compose service");
                continue;
            }
            String advertised = ComposeYaml.environment(d.service(host)).getOrDefault("KAFKA_ADVERTISED_LISTENERS", "");
            if (!advertised.contains("//" + server.strip())) {
                problems.add(name + ": KAFKA_BOOTSTRAP_SERVERS " + server.strip() + " is not an advertised listener of "
                        + host + " (" + advertised + ")");
            }
        }
        return problems;
    }

    /** The URL's host is the compose service of the target module and its port that module's port. */
    private static List<String> pointsAt(Deployment d, String name, String variable, @Nullable String value,
            String targetModule, String path) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        ServiceModule target = d.module(targetModule);
        String targetService = d.serviceOf(targetModule);
        URI uri = URI.create(value);
        String expected = "http://" + targetService + ":" + (target == null ? "?" : target.port()) + path;
        String actual = uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort()
                + (uri.getPath() == null ? "" : uri.getPath());
        if (!expected.equals(actual.endsWith("/") ? actual.substring(0, actual.length() - 1) : actual)) {
            return List.of(name + ": " + variable + " is " + value + ", expected " + expected);
        }
        return List.of();
    }

    // --- MySQL --------------------------------------------------------------------------------------------

    /** A database user of the init script: its password and the objects it is granted on. */
    record DbUser(String password, Set<String> grants) {
    }

    static Map<String, DbUser> dbUsers(String sql) {
        Map<String, DbUser> users = new LinkedHashMap<>();
        String text = withoutComments(sql);
        CREATE_USER.matcher(text).results()
                .forEach(m -> users.putIfAbsent(m.group(1), new DbUser(m.group(3), new LinkedHashSet<>())));
        GRANT.matcher(text).results().forEach(m -> {
            DbUser user = users.get(m.group(3));
            if (user != null) {
                user.grants().add(m.group(2).replace("`", ""));
            }
        });
        return users;
    }

    /**
     * The init script creates each module's database and one user granted on it and on nothing else, without
     * the right to grant; no user gets server-wide privileges.
     */
    static List<String> databases(Deployment d) {
        List<String> problems = new ArrayList<>();
        String sql = withoutComments(d.mysqlInit());
        Set<String> databases = CREATE_DATABASE.matcher(sql).results().map(m -> m.group(1))
                .collect(Collectors.toCollection(TreeSet::new));
        Map<String, DbUser> users = dbUsers(sql);
        for (ServiceModule module : d.modules()) {
            if (!module.usesPlatform()) {
                continue;
            }
            String db = module.database();
            if (!databases.contains(db)) {
                problems.add("no CREATE DATABASE " + db + " for " + module.name());
            }
            boolean owned = users.values().stream().anyMatch(user -> user.grants().equals(Set.of(db + ".*")));
            if (!owned) {
                problems.add("no user granted on " + db + ".* and nothing else, for " + module.name());
            }
        }
        GRANT.matcher(sql).results().forEach(m -> {
            String on = m.group(2).replace("`", "");
            if (on.startsWith("*.")) {
                problems.add("server-wide grant to " + m.group(3) + ": GRANT " + m.group(1) + " ON " + on);
            }
            if (m.group(5).toUpperCase().contains("GRANT OPTION")) {
                problems.add(m.group(3) + " may grant its privileges to others (WITH GRANT OPTION)");
            }
        });
        users.forEach((user, details) -> {
            if (details.grants().size() > 1) {
                problems.add(user + " is granted on more than its own database: " + details.grants());
            }
        });
        return problems;
    }

    private static String withoutComments(String sql) {
        return sql.lines().filter(line -> !line.strip().startsWith("--")).collect(Collectors.joining("\n"));
    }

    // --- Kafka topics ---------------------------------------------------------------------------------------

    /**
     * Topics are created up front, never on first use: the broker refuses auto-creation and a one-shot job creates
     * every topic of docs/events.md and its dead-letter companion, once Kafka is healthy.
     */
    static List<String> topics(Deployment d) {
        List<String> problems = new ArrayList<>();
        String creator = d.topicCreator();
        if (creator == null) {
            return List.of("no service creates the topics (kafka-topics.sh --create)");
        }
        Map<String, Object> job = d.service(creator);
        Set<String> created = new TreeSet<>();
        String listed = ComposeYaml.environment(job).getOrDefault("TOPICS", commandText(job));
        for (String word : listed.split("\\s+")) {
            if (TOPIC_NAME.matcher(word).matches()) {
                created.add(word);
            }
        }
        for (String topic : d.topics()) {
            for (String needed : List.of(topic, topic + ".dlt")) {
                if (!created.contains(needed)) {
                    problems.add(creator + ": topic " + needed + " is not created");
                }
            }
        }
        Map<String, String> after = ComposeYaml.dependsOn(job);
        String kafka = after.keySet().stream()
                .filter(name -> ComposeYaml.environment(d.service(name)).containsKey("KAFKA_ADVERTISED_LISTENERS"))
                .findFirst()
                .orElse(null);
        if (kafka == null || !"service_healthy".equals(after.get(kafka))) {
            problems.add(creator + ": does not wait for a healthy Kafka broker");
        }
        d.services().forEach((name, value) -> {
            Map<String, String> env = ComposeYaml.environment(map(value));
            if (env.containsKey("KAFKA_ADVERTISED_LISTENERS")
                    && !"false".equals(env.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE"))) {
                problems.add(name + ": KAFKA_AUTO_CREATE_TOPICS_ENABLE must be false (topics are created by "
                        + creator + ")");
            }
        });
        return problems;
    }

    // --- Prometheus --------------------------------------------------------------------------------------

    /**
     * Prometheus scrapes /actuator/prometheus of every module's compose service on its port, with a
     * client-credentials token of metrics-scraper (scope metrics:read) from identity-service inside the network.
     */
    static List<String> prometheus(Deployment d) {
        List<String> problems = new ArrayList<>();
        Set<String> scraped = new TreeSet<>();
        String identity = d.serviceOf("identity-service");
        ServiceModule identityModule = d.module("identity-service");
        String tokenUrl = "http://" + identity + ":" + (identityModule == null ? "?" : identityModule.port())
                + "/oauth2/token";
        for (Object job : list(d.prometheus().get("scrape_configs"))) {
            Map<String, Object> scrape = map(job);
            if (!"/actuator/prometheus".equals(scrape.get("metrics_path"))) {
                continue;
            }
            String jobName = String.valueOf(scrape.get("job_name"));
            Map<String, Object> oauth2 = map(scrape.get("oauth2"));
            if (!"metrics-scraper".equals(oauth2.get("client_id"))) {
                problems.add("job " + jobName + ": oauth2 client_id is " + oauth2.get("client_id")
                        + ", not metrics-scraper");
            }
            if (oauth2.get("client_secret") == null && oauth2.get("client_secret_file") == null) {
                problems.add("job " + jobName + ": oauth2 has no client secret");
            }
            if (!tokenUrl.equals(oauth2.get("token_url"))) {
                problems.add("job " + jobName + ": oauth2 token_url is " + oauth2.get("token_url") + ", expected "
                        + tokenUrl);
            }
            if (!list(oauth2.get("scopes")).contains("metrics:read")) {
                problems.add("job " + jobName + ": oauth2 does not ask for scope metrics:read");
            }
            for (Object group : list(scrape.get("static_configs"))) {
                list(map(group).get("targets")).forEach(target -> scraped.add(String.valueOf(target)));
            }
        }
        for (ServiceModule module : d.modules()) {
            String target = d.serviceOf(module.name()) + ":" + module.port();
            if (!scraped.contains(target)) {
                problems.add("Prometheus does not scrape " + module.name() + " at " + target + "/actuator/prometheus");
            }
        }
        String prometheusService = d.serviceWithImage("prometheus");
        for (Object ruleFile : list(d.prometheus().get("rule_files"))) {
            String host = prometheusService == null ? null
                    : ComposeYaml.hostPath(d.service(prometheusService), String.valueOf(ruleFile));
            if (host == null || !Files.isRegularFile(ComposeRepo.ROOT.resolve(host))) {
                problems.add("rule file " + ruleFile + " is not mounted into the prometheus container");
            }
        }
        return problems;
    }

    // --- Grafana -------------------------------------------------------------------------------------------

    /**
     * Grafana loads every dashboard of deploy/grafana/dashboards: a file provider's path is mounted from that
     * folder, and each dashboard's Prometheus data source is one that is provisioned.
     */
    static List<String> grafana(Deployment d, Path dashboardFolder) {
        List<String> problems = new ArrayList<>();
        String grafana = d.serviceWithImage("grafana");
        if (grafana == null) {
            return List.of("no grafana service");
        }
        String folder = ComposeRepo.ROOT.relativize(dashboardFolder.toAbsolutePath().normalize()).toString();
        Set<String> uids = new TreeSet<>();
        boolean loaded = false;
        for (Map.Entry<String, Map<String, Object>> file : d.grafanaProvisioning().entrySet()) {
            for (Object source : list(file.getValue().get("datasources"))) {
                Map<String, Object> datasource = map(source);
                uids.add(String.valueOf(datasource.get("uid")));
                if ("prometheus".equals(datasource.get("type"))) {
                    String host = host(string(datasource.get("url")));
                    if (host == null || !d.services().containsKey(host)) {
                        problems.add("data source " + datasource.get("name") + " points at " + datasource.get("url")
                                + ", not at a compose service");
                    }
                }
            }
            for (Object provider : list(file.getValue().get("providers"))) {
                Map<String, Object> spec = map(provider);
                String path = string(at(spec, "options.path"));
                if (!"file".equals(String.valueOf(spec.getOrDefault("type", "file"))) || path == null) {
                    continue;
                }
                String host = ComposeYaml.hostPath(d.service(grafana), path);
                if (folder.equals(host)) {
                    loaded = true;
                }
            }
        }
        if (!loaded) {
            problems.add("no Grafana dashboard provider reads a path mounted from " + folder);
        }
        for (Path dashboard : ComposeRepo.jsonFiles(dashboardFolder)) {
            Map<String, Object> json = Dashboards.read(dashboard);
            Set<String> variables = Dashboards.datasourceVariables(json);
            for (String uid : Dashboards.datasourceUids(json)) {
                boolean variable = uid.startsWith("$") && variables.contains(uid.replaceAll("[${}]", ""));
                if (!uids.contains(uid) && !variable) {
                    problems.add(dashboardFolder.relativize(dashboard) + ": data source uid " + uid
                            + " is not provisioned (provisioned: " + uids + ")");
                }
            }
        }
        return problems;
    }

    /** Reading dashboard JSON for the data sources it refers to. */
    static final class Dashboards {

        private static final tools.jackson.databind.ObjectMapper JSON = new tools.jackson.databind.ObjectMapper();

        private Dashboards() {
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> read(Path file) {
            return JSON.readValue(ComposeRepo.read(file), Map.class);
        }

        /** Every {@code "datasource": {"uid": ...}} (or a plain string) anywhere in the dashboard. */
        static Set<String> datasourceUids(Object node) {
            Set<String> uids = new TreeSet<>();
            collect(node, uids);
            return uids;
        }

        private static void collect(@Nullable Object node, Set<String> uids) {
            if (node instanceof Map<?, ?> map) {
                map.forEach((key, value) -> {
                    if ("datasource".equals(key)) {
                        if (value instanceof Map<?, ?> ref && ref.get("uid") != null
                                && !"-- Grafana --".equals(ref.get("uid")) && !"grafana".equals(ref.get("uid"))) {
                            uids.add(String.valueOf(ref.get("uid")));
                        }
                        else if (value instanceof String name && !name.startsWith("-- ")) {
                            uids.add(name);
                        }
                    }
                    collect(value, uids);
                });
            }
            else if (node instanceof List<?> list) {
                list.forEach(value -> collect(value, uids));
            }
        }

        /** Names of the dashboard's template variables of type datasource. */
        static Set<String> datasourceVariables(Map<String, Object> dashboard) {
            Set<String> names = new TreeSet<>();
            for (Object variable : list(at(dashboard, "templating.list"))) {
                if ("datasource".equals(map(variable).get("type"))) {
                    names.add(String.valueOf(map(variable).get("name")));
                }
            }
            return names;
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    /** The module a compose service is built from, or null for infrastructure. */
    static @Nullable String moduleOfService(Deployment d, String service) {
        String module = string(at(d.service(service), "build.args.MODULE"));
        return module != null && d.module(module) != null ? module : null;
    }

    /** entrypoint and command of a service, as one text. */
    static String commandText(Map<String, Object> service) {
        StringBuilder text = new StringBuilder();
        for (String key : List.of("entrypoint", "command")) {
            Object value = service.get(key);
            if (value instanceof List<?> parts) {
                parts.forEach(part -> text.append(part).append(' '));
            }
            else if (value != null) {
                text.append(value).append(' ');
            }
        }
        return text.toString();
    }

    private static java.util.Optional<String> hostOfJdbc(@Nullable String url) {
        Matcher jdbc = JDBC.matcher(url == null ? "" : url);
        return jdbc.matches() ? java.util.Optional.of(jdbc.group(1)) : java.util.Optional.empty();
    }

    private static @Nullable String host(@Nullable String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            return URI.create(url.strip()).getHost();
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

    private static List<Path> filesIn(Path folder, String suffix) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
        catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }
}

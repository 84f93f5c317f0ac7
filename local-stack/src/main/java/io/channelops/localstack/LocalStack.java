package io.channelops.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole ChannelOps platform on one machine: a MariaDB server with one database and user per
 * service, a KRaft Kafka broker, then every service as its own JVM, each started once the previous
 * layer is ready. Used by {@code ./channelops up} and by system tests:
 *
 * <pre>{@code
 * try (LocalStack stack = LocalStack.builder().dataDir(dir).reset(true).portOffset(10_000).build()) {
 *     stack.start();
 *     String orders = stack.url("order-service");
 *     stack.kill("finance-service");
 *     stack.start("finance-service");
 * }
 * }</pre>
 *
 * <p>Ports are on 127.0.0.1. A JVM shutdown hook stops everything in reverse order if the stack
 * is not closed.
 */
public final class LocalStack implements AutoCloseable {

    public static final int DEFAULT_DB_PORT = 3306;
    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final int DEFAULT_KAFKA_CONTROLLER_PORT = 9093;
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(180);
    /** Small heaps and a quick JIT: a laptop runs eight JVMs at once. */
    public static final List<String> DEFAULT_SERVICE_JVM_OPTIONS = List.of(
            "-XX:+UseSerialGC", "-Xss512k", "-XX:TieredStopAtLevel=1", "-Xmx256m");
    /** The file that marks a directory as a stack's data directory, so that a reset never deletes anything else. */
    private static final String MARKER_FILE = ".local-stack";

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    private final Path repoRoot;
    private final Path dataDir;
    private final boolean reset;
    private final int dbPort;
    private final int kafkaPort;
    private final int kafkaControllerPort;
    private final int portOffset;
    private final Duration startTimeout;
    /** The services of this stack, in start order. */
    private final Map<String, ServiceProcess> services;

    /** Guards the decision to start a process against a concurrent {@link #close()}. */
    private final Object lifecycle = new Object();
    private final Thread shutdownHook = new Thread(this::close, "local-stack-shutdown");
    private boolean started;
    private boolean closed;
    private volatile @Nullable MariaDbServer database;
    private volatile @Nullable KafkaBroker kafka;

    private LocalStack(Builder builder, Path repoRoot, List<ServiceSpec> selected) {
        this.repoRoot = repoRoot;
        this.dataDir = builder.dataDir.toAbsolutePath().normalize();
        this.reset = builder.reset;
        this.dbPort = builder.dbPort;
        this.kafkaPort = builder.kafkaPort;
        this.kafkaControllerPort = builder.kafkaControllerPort;
        this.portOffset = builder.portOffset;
        this.startTimeout = builder.startTimeout;
        Map<String, ServiceProcess> processes = new LinkedHashMap<>();
        for (ServiceSpec spec : selected) {
            processes.put(spec.module(), new ServiceProcess(spec, port(spec),
                    repoRoot.resolve(spec.module()).resolve("target").resolve(spec.module() + ".jar"),
                    builder.serviceJvmOptions, environment(spec), dataDir.resolve("work").resolve(spec.module()),
                    dataDir.resolve("logs").resolve(spec.module() + ".log")));
        }
        this.services = processes;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the database, Kafka, then the services (those of one phase in parallel) and returns
     * when all are ready. On failure everything started so far is stopped and the exception carries
     * the end of the failing process's log.
     */
    public void start() {
        synchronized (lifecycle) {
            if (started || closed) {
                throw new IllegalStateException("A LocalStack starts once; build a new one to start again");
            }
            started = true;
        }
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            requireBuilt();
            prepareDataDir();
            startDatabase();
            startKafka();
            for (ServiceSpec.Phase phase : ServiceSpec.Phase.values()) {
                List<ServiceProcess> group = services.values().stream().filter(s -> s.phase() == phase).toList();
                if (!group.isEmpty()) {
                    group.forEach(this::launch);
                    awaitReady(group);
                }
            }
        }
        catch (RuntimeException ex) {
            boolean stoppedMeanwhile;
            synchronized (lifecycle) {
                stoppedMeanwhile = closed;
            }
            close();
            // A failure caused by Ctrl-C during the start is no failure of the failing part.
            throw stoppedMeanwhile ? new LocalStackException("The local stack was stopped while starting", ex) : ex;
        }
    }

    /** Starts a service that was stopped or killed, with the same port and settings, and waits until it is ready. */
    public void start(String module) {
        ServiceProcess service = service(module);
        ChildJvm running = service.jvm();
        if (running != null && running.isAlive()) {
            throw new IllegalStateException(module + " is running already (pid " + running.pid() + ")");
        }
        if (database == null) {
            throw new IllegalStateException("Start the stack before starting " + module);
        }
        launch(service);
        awaitReady(List.of(service));
    }

    /** Stops a service gracefully (SIGTERM, then SIGKILL after 30 s) and waits until it is gone. */
    public void stop(String module) {
        ChildJvm jvm = service(module).jvm();
        if (jvm != null) {
            jvm.stop();
            log.info("{} stopped", module);
        }
    }

    /** Kills a service (SIGKILL): no shutdown hook, no graceful close, as in a crash. Waits until it is gone. */
    public void kill(String module) {
        ChildJvm jvm = service(module).jvm();
        if (jvm != null) {
            jvm.kill();
            log.info("{} killed", module);
        }
    }

    /** Stops the broker gracefully; topics and offsets stay for {@link #startKafka()}. */
    public void stopKafka() {
        KafkaBroker broker = kafka;
        if (broker != null) {
            kafka = null;
            broker.close();
        }
    }

    /** Starts the broker again after {@link #stopKafka()}, on the same port and data, and waits until it is ready. */
    public void startKafka() {
        KafkaBroker broker;
        synchronized (lifecycle) {
            requireOpen();
            if (kafka != null) {
                throw new IllegalStateException("Kafka is running already");
            }
            Ports.requireFree(kafkaPort, "Kafka");
            Ports.requireFree(kafkaControllerPort, "the Kafka controller");
            broker = KafkaBroker.launch(dataDir.resolve("kafka"), kafkaPort, kafkaControllerPort, kafkaLogFile());
            kafka = broker;
        }
        broker.awaitReady(startTimeout);
    }

    /** The base URL of a service, such as {@code http://127.0.0.1:8083}. */
    public String url(String module) {
        return "http://127.0.0.1:" + port(ServiceSpec.named(module).orElseThrow(() -> unknown(module)));
    }

    /** The JDBC URL of a service's database; its user is the database name, its password {@code <database>-local}. */
    public String jdbcUrl(String database) {
        if (!ServiceSpec.databases().contains(database)) {
            throw new IllegalArgumentException("No database " + database + "; the databases are "
                    + String.join(", ", ServiceSpec.databases()));
        }
        return MariaDbServer.jdbcUrl(dbPort, database);
    }

    public String kafkaBootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    /**
     * Stops everything in reverse order: the services (each phase in parallel, SIGTERM, then
     * SIGKILL after 30 s), then Kafka, then MariaDB. Data stays for the next start.
     */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
        }
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            }
            catch (IllegalStateException ex) {
                // The JVM is shutting down: the hook may run, and finds the stack closed.
            }
        }
        List<ServiceSpec.Phase> phases = new ArrayList<>(List.of(ServiceSpec.Phase.values()));
        phases.sort(Comparator.reverseOrder());
        for (ServiceSpec.Phase phase : phases) {
            List<ChildJvm> group = services.values().stream()
                    .filter(service -> service.phase() == phase)
                    .map(ServiceProcess::jvm)
                    .<ChildJvm>mapMulti((jvm, out) -> {
                        if (jvm != null && jvm.isAlive()) {
                            out.accept(jvm);
                        }
                    })
                    .toList();
            group.forEach(jvm -> log.info("Stopping {} (pid {})", jvm.name(), jvm.pid()));
            group.forEach(ChildJvm::requestStop);
            group.forEach(jvm -> jvm.awaitStopped(ChildJvm.STOP_GRACE));
        }
        stopKafka();
        MariaDbServer server = database;
        if (server != null) {
            database = null;
            server.close();
        }
    }

    Path dataDir() {
        return dataDir;
    }

    Collection<ServiceProcess> services() {
        return services.values();
    }

    String databaseServerUrl() {
        return MariaDbServer.serverUrl(dbPort);
    }

    Path kafkaLogFile() {
        return dataDir.resolve("logs").resolve("kafka.log");
    }

    private void requireBuilt() {
        List<ServiceProcess> missing = services.values().stream().filter(s -> !s.isBuilt()).toList();
        if (!missing.isEmpty()) {
            StringBuilder message = new StringBuilder("Not built yet:");
            missing.forEach(s -> message.append("\n  ").append(s.module()).append(" (").append(s.jar()).append(')'));
            message.append("\nBuild them first: ./channelops mvn -B -DskipTests install")
                    .append(" (./channelops up does this when a source file changed)");
            throw new LocalStackException(message.toString());
        }
    }

    private void prepareDataDir() {
        try {
            if (reset && Files.exists(dataDir)) {
                deleteDataDir();
            }
            Files.createDirectories(dataDir.resolve("logs"));
            Path marker = dataDir.resolve(MARKER_FILE);
            if (!Files.exists(marker)) {
                Files.writeString(marker, "Data of the ChannelOps local stack; `./channelops up --reset` deletes"
                        + " this folder.\n");
            }
        }
        catch (IOException ex) {
            throw new LocalStackException("Cannot prepare the data directory " + dataDir + ": " + ex.getMessage(), ex);
        }
    }

    private void deleteDataDir() throws IOException {
        boolean empty;
        try (Stream<Path> entries = Files.list(dataDir)) {
            empty = entries.findFirst().isEmpty();
        }
        if (!empty && !Files.exists(dataDir.resolve(MARKER_FILE))) {
            throw new LocalStackException("Refusing to reset " + dataDir + ": it is not a local-stack data directory"
                    + " (it has no " + MARKER_FILE + " file). Choose another --data-dir.");
        }
        log.info("Deleting {} (reset)", dataDir);
        try (Stream<Path> paths = Files.walk(dataDir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private void startDatabase() {
        MariaDbServer server;
        synchronized (lifecycle) {
            requireOpen();
            Ports.requireFree(dbPort, "MariaDB");
            server = MariaDbServer.start(dataDir.resolve("mariadb"), dbPort);
            database = server;
        }
        server.provision(ServiceSpec.databases());
    }

    private void launch(ServiceProcess service) {
        synchronized (lifecycle) {
            requireOpen();
            service.launch();
        }
        log.info("Starting {} on {}", service.module(), service.url());
    }

    /**
     * Waits until every service of {@code group} is ready, polling them in turn so that they start
     * in parallel. A service that exits or outlives the start timeout fails the wait.
     */
    private void awaitReady(List<ServiceProcess> group) {
        Instant begin = Instant.now();
        Instant deadline = begin.plus(startTimeout);
        Set<ServiceProcess> pending = new LinkedHashSet<>(group);
        while (!pending.isEmpty()) {
            Iterator<ServiceProcess> iterator = pending.iterator();
            while (iterator.hasNext()) {
                ServiceProcess service = iterator.next();
                ChildJvm jvm = service.jvm();
                if (jvm == null) {
                    throw new IllegalStateException(service.module() + " was not launched");
                }
                if (service.isReady()) {
                    log.info("{} is ready on {} after {} s", service.module(), service.url(),
                            Duration.between(begin, Instant.now()).toSeconds());
                    jvm.reportUnexpectedExit();
                    iterator.remove();
                }
                else if (!jvm.isAlive()) {
                    throw new LocalStackException(service.module() + " exited during start" + jvm.logTail());
                }
                else if (Instant.now().isAfter(deadline)) {
                    jvm.stop();
                    throw new LocalStackException(service.module() + " was not ready within "
                            + startTimeout.toSeconds() + " s" + jvm.logTail());
                }
            }
            if (!pending.isEmpty()) {
                requireOpen();
                Pause.briefly();
            }
        }
    }

    private void requireOpen() {
        synchronized (lifecycle) {
            if (closed) {
                throw new LocalStackException("The local stack was stopped");
            }
        }
    }

    private ServiceProcess service(String module) {
        ServiceProcess service = services.get(module);
        if (service == null) {
            throw ServiceSpec.named(module).isPresent()
                    ? new IllegalArgumentException(module + " is not part of this stack; it runs "
                            + String.join(", ", services.keySet()))
                    : unknown(module);
        }
        return service;
    }

    /** identity-service's issuer URL: the {@code iss} of every token and where its keys are published. */
    public String issuerUrl() {
        return "http://localhost:" + port(ServiceSpec.named("identity-service").orElseThrow());
    }

    private int port(ServiceSpec spec) {
        return spec.port() + portOffset;
    }

    /** What every service gets: its port, its database, Kafka, the token issuer, and where every other service is. */
    private Map<String, String> environment(ServiceSpec spec) {
        Map<String, String> environment = new HashMap<>();
        environment.put("SPRING_PROFILES_ACTIVE", "local");
        environment.put("SERVER_PORT", String.valueOf(port(spec)));
        String db = spec.database();
        if (db != null) {
            environment.put("DB_URL", MariaDbServer.jdbcUrl(dbPort, db));
            environment.put("DB_USERNAME", db);
            environment.put("DB_PASSWORD", MariaDbServer.password(db));
        }
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers());
        // tokens: identity-service issues them under this issuer; every service and the gateway check it
        environment.put("ISSUER_URL", issuerUrl());
        // the service's own client credentials, as seeded by identity-service's local profile (local demo secret)
        environment.put("SERVICE_CLIENT_ID", spec.module());
        environment.put("SERVICE_CLIENT_SECRET", "local-demo-" + spec.module() + "-secret");
        for (ServiceSpec other : ServiceSpec.ALL) {
            environment.put(other.urlVariable(), "http://127.0.0.1:" + port(other));
        }
        return environment;
    }

    private static IllegalArgumentException unknown(String module) {
        return new IllegalArgumentException("Unknown service " + module + "; the services are "
                + String.join(", ", ServiceSpec.ALL.stream().map(ServiceSpec::module).toList()));
    }

    /** Settings of a {@link LocalStack}; every one has a default. */
    public static final class Builder {

        private @Nullable Path repoRoot;
        private Path dataDir = Path.of(".local");
        private boolean reset;
        private int dbPort = DEFAULT_DB_PORT;
        private int kafkaPort = DEFAULT_KAFKA_PORT;
        private int kafkaControllerPort = DEFAULT_KAFKA_CONTROLLER_PORT;
        private int portOffset;
        private @Nullable Collection<String> only;
        private Duration startTimeout = DEFAULT_START_TIMEOUT;
        private List<String> serviceJvmOptions = DEFAULT_SERVICE_JVM_OPTIONS;

        private Builder() {
        }

        /** The ChannelOps checkout; by default the nearest directory above the working directory with {@code channelops} and {@code pom.xml}. */
        public Builder repoRoot(Path repoRoot) {
            this.repoRoot = repoRoot;
            return this;
        }

        /** Where databases, Kafka data and logs live; {@code .local} by default. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** Whether {@link #start()} deletes the data directory first. */
        public Builder reset(boolean reset) {
            this.reset = reset;
            return this;
        }

        public Builder dbPort(int dbPort) {
            this.dbPort = dbPort;
            return this;
        }

        public Builder kafkaPort(int kafkaPort) {
            this.kafkaPort = kafkaPort;
            return this;
        }

        public Builder kafkaControllerPort(int kafkaControllerPort) {
            this.kafkaControllerPort = kafkaControllerPort;
            return this;
        }

        /** Added to every service port, so that a second stack (tests) runs beside a developer's. */
        public Builder portOffset(int portOffset) {
            this.portOffset = portOffset;
            return this;
        }

        /** Starts only these services (MariaDB and Kafka always start); all of them by default. */
        public Builder only(Collection<String> modules) {
            this.only = List.copyOf(modules);
            return this;
        }

        /** How long each service may take to become ready. */
        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = startTimeout;
            return this;
        }

        public Builder serviceJvmOptions(List<String> serviceJvmOptions) {
            this.serviceJvmOptions = List.copyOf(serviceJvmOptions);
            return this;
        }

        /** @throws IllegalArgumentException for an invalid setting, naming it */
        public LocalStack build() {
            Ports.requireValid(dbPort, "The database port");
            Ports.requireValid(kafkaPort, "The Kafka port");
            Ports.requireValid(kafkaControllerPort, "The Kafka controller port");
            for (ServiceSpec spec : ServiceSpec.ALL) {
                Ports.requireValid(spec.port() + portOffset, "The port of " + spec.module() + " with the offset");
            }
            if (startTimeout.isNegative() || startTimeout.isZero()) {
                throw new IllegalArgumentException("The start timeout must be positive, not " + startTimeout);
            }
            return new LocalStack(this, repoRoot != null ? repoRoot.toAbsolutePath().normalize() : findRepoRoot(),
                    selected());
        }

        private List<ServiceSpec> selected() {
            List<ServiceSpec> selected;
            if (only == null) {
                selected = ServiceSpec.startable();
            }
            else {
                selected = new ArrayList<>();
                for (String module : only) {
                    selected.add(ServiceSpec.named(module).orElseThrow(() -> unknown(module)));
                }
            }
            return selected.stream().distinct().sorted(Comparator.comparing(ServiceSpec::phase)).toList();
        }

        private static Path findRepoRoot() {
            Path start = Path.of("").toAbsolutePath();
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                if (Files.isRegularFile(dir.resolve("channelops")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                    return dir;
                }
            }
            throw new LocalStackException("Cannot find the ChannelOps checkout (a directory with channelops and"
                    + " pom.xml) at or above " + start + ". Run from inside it, or pass --repo-root /"
                    + " LocalStack.builder().repoRoot(path).");
        }
    }
}

package io.channelops.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker in KRaft mode (one node, broker and controller combined) in its own
 * JVM, so that tests can kill or restart it like a production broker. Its files live under one
 * directory; topics and offsets survive restarts.
 */
final class KafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);
    private static final List<String> JVM_OPTIONS = List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true", "--enable-native-access=ALL-UNNAMED");
    private static final Duration FORMAT_TIMEOUT = Duration.ofMinutes(2);

    private final ChildJvm jvm;
    private final int port;

    private KafkaBroker(ChildJvm jvm, int port) {
        this.jvm = jvm;
        this.port = port;
    }

    /**
     * Starts the broker JVM with its configuration and data under {@code directory}, formatting the
     * storage on first use; {@link #awaitReady(Duration)} waits until it serves clients.
     */
    static KafkaBroker launch(Path directory, int port, int controllerPort, Path logFile) {
        Path home = directory.toAbsolutePath().normalize();
        Path dataDir = home.resolve("data");
        Path config = home.resolve("server.properties");
        Path logging = home.resolve("logback.xml");
        String classpath = classpath();
        try {
            Files.createDirectories(dataDir);
            // Written at every start so that changed port options apply to existing data.
            Files.writeString(config, serverProperties(dataDir, port, controllerPort), StandardCharsets.UTF_8);
            try (InputStream template = Objects.requireNonNull(
                    KafkaBroker.class.getResourceAsStream("kafka-logback.xml"), "kafka-logback.xml")) {
                Files.copy(template, logging, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        catch (IOException ex) {
            throw new LocalStackException("Cannot write the Kafka configuration under " + home + ": "
                    + ex.getMessage(), ex);
        }
        List<String> jvmOptions = new ArrayList<>(JVM_OPTIONS);
        jvmOptions.add("-Dlogback.configurationFile=" + logging);
        jvmOptions.add("-cp");
        jvmOptions.add(classpath);

        if (!Files.exists(dataDir.resolve("meta.properties"))) {
            format(jvmOptions, config, home, logFile);
        }
        List<String> arguments = new ArrayList<>(jvmOptions);
        arguments.add("kafka.Kafka");
        arguments.add(config.toString());
        return new KafkaBroker(ChildJvm.launch("kafka", arguments, Map.of(), home, logFile), port);
    }

    /** Waits until the broker answers a describe-cluster request; stops it and fails after {@code timeout}. */
    void awaitReady(Duration timeout) {
        try {
            pollUntilReady(timeout);
        }
        catch (RuntimeException ex) {
            jvm.stop();
            throw ex;
        }
        jvm.reportUnexpectedExit();
        log.info("Kafka is up on {} (pid {})", bootstrapServers(), jvm.pid());
    }

    /**
     * The broker's configuration. The controller quorum is static ({@code controller.quorum.voters}),
     * not bootstrapped with {@code --standalone}: a dynamic quorum records the controller's address
     * in the metadata log, which would break existing data when the controller port option changes.
     */
    static String serverProperties(Path dataDir, int port, int controllerPort) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", "1");
        properties.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        properties.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        properties.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("log.dirs", dataDir.toAbsolutePath().toString());
        properties.put("auto.create.topics.enable", "true");
        properties.put("num.partitions", "3");
        // One broker: internal topics cannot have more than one replica.
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        // Consumers of a fresh group get their partitions at once instead of after 3 s.
        properties.put("group.initial.rebalance.delay.ms", "0");
        StringBuilder text = new StringBuilder("# Written by local-stack at every start; change its options instead.\n");
        properties.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString();
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Stops the broker with SIGTERM (a controlled shutdown), killing it after 30 s. */
    @Override
    public void close() {
        jvm.stop();
        log.info("Kafka stopped");
    }

    private static void format(List<String> jvmOptions, Path config, Path home, Path logFile) {
        String clusterId = Uuid.randomUuid().toString();
        List<String> arguments = new ArrayList<>(jvmOptions);
        arguments.addAll(List.of("kafka.tools.StorageTool", "format", "-t", clusterId, "-c", config.toString()));
        log.info("Formatting Kafka storage (cluster id {})", clusterId);
        ChildJvm tool = ChildJvm.launch("kafka storage format", arguments, Map.of(), home, logFile);
        int exitCode = tool.awaitExit(FORMAT_TIMEOUT);
        if (exitCode != 0) {
            throw new LocalStackException("Formatting the Kafka storage failed with exit code " + exitCode
                    + tool.logTail());
        }
    }

    private void pollUntilReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!Ports.accepts(port)) {
            checkProgress(deadline, timeout);
        }
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000))) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                }
                catch (ExecutionException | TimeoutException ex) {
                    log.debug("Kafka not ready yet: {}", ex.getMessage());
                }
                checkProgress(deadline, timeout);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("Interrupted while waiting for Kafka", ex);
        }
    }

    private void checkProgress(Instant deadline, Duration timeout) {
        if (!jvm.isAlive()) {
            throw new LocalStackException("Kafka exited during start" + jvm.logTail());
        }
        if (Instant.now().isAfter(deadline)) {
            throw new LocalStackException("Kafka was not ready within " + timeout.toSeconds() + " s" + jvm.logTail());
        }
        Pause.briefly();
    }

    /**
     * The class path of the broker JVM: the {@code lib/} folder beside this module's jar (or beside
     * {@code target/classes} in this module's own tests); else, when this module is a dependency of
     * a test (system tests), the test's class path, which holds the same Kafka jars.
     */
    static String classpath() {
        try {
            Path codeSource = Path.of(KafkaBroker.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path lib = codeSource.resolveSibling("lib");
            if (Files.isDirectory(lib)) {
                return lib.resolve("*").toString();
            }
        }
        catch (URISyntaxException ex) {
            throw new IllegalStateException(ex);
        }
        String classpath = System.getProperty("java.class.path");
        if (!classpath.contains("kafka_2.13")) {
            throw new LocalStackException("Cannot find the Kafka jars: neither a lib/ folder beside the local-stack"
                    + " jar nor kafka_2.13 on the class path. Build it: ./channelops mvn -B -q -f local-stack/pom.xml"
                    + " -DskipTests package");
        }
        return classpath;
    }
}

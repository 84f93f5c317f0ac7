package io.channelops.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The command line of {@code ./channelops up}, with the environment variable
 * {@code CHANNELOPS_LOCAL_DIR} as the default data directory. {@code only} is null when every
 * service starts.
 */
record LaunchOptions(boolean help, boolean reset, Path dataDir, @Nullable Path repoRoot, int dbPort, int kafkaPort,
        int kafkaControllerPort, int portOffset, @Nullable List<String> only, Duration startTimeout,
        List<String> serviceJvmOptions) {

    static final String DATA_DIR_VARIABLE = "CHANNELOPS_LOCAL_DIR";

    static final String USAGE = """
            Usage: ./channelops up [options]

            Starts MariaDB, Kafka and every ChannelOps service on this machine and stays in the foreground;
            Ctrl-C stops everything. Data is kept between runs.

              --reset                    delete the data directory first (databases, topics, logs)
              --data-dir=PATH            where data and logs live (default .local, or $%s)
              --db-port=N                MariaDB port (default %d)
              --kafka-port=N             Kafka port for clients (default %d)
              --kafka-controller-port=N  Kafka's KRaft controller port (default %d)
              --port-offset=N            add N to every service port, to run beside another stack
              --only=a,b                 start only these services (MariaDB and Kafka always start);
                                         services: %s
              --start-timeout=SECONDS    how long each service may take to become ready (default %d)
              --jvm-options="..."        JVM options of every service (default "%s")
              --repo-root=PATH           the ChannelOps checkout (default: found above the current directory)
              --help                     show this text
            """.formatted(DATA_DIR_VARIABLE, LocalStack.DEFAULT_DB_PORT, LocalStack.DEFAULT_KAFKA_PORT,
            LocalStack.DEFAULT_KAFKA_CONTROLLER_PORT, ServiceSpec.startableNames(),
            LocalStack.DEFAULT_START_TIMEOUT.toSeconds(), String.join(" ", LocalStack.DEFAULT_SERVICE_JVM_OPTIONS));

    /** @throws IllegalArgumentException naming the option that is wrong */
    static LaunchOptions parse(List<String> arguments, Map<String, String> environment) {
        boolean help = false;
        boolean reset = false;
        String defaultDataDir = environment.get(DATA_DIR_VARIABLE);
        Path dataDir = Path.of(defaultDataDir == null || defaultDataDir.isBlank() ? ".local" : defaultDataDir);
        Path repoRoot = null;
        int dbPort = LocalStack.DEFAULT_DB_PORT;
        int kafkaPort = LocalStack.DEFAULT_KAFKA_PORT;
        int kafkaControllerPort = LocalStack.DEFAULT_KAFKA_CONTROLLER_PORT;
        int portOffset = 0;
        List<String> only = null;
        Duration startTimeout = LocalStack.DEFAULT_START_TIMEOUT;
        List<String> serviceJvmOptions = LocalStack.DEFAULT_SERVICE_JVM_OPTIONS;

        for (String argument : arguments) {
            int equals = argument.indexOf('=');
            String name = equals < 0 ? argument : argument.substring(0, equals);
            String value = equals < 0 ? null : argument.substring(equals + 1);
            switch (name) {
                case "--help", "-h" -> help = flag(name, value);
                case "--reset" -> reset = flag(name, value);
                case "--data-dir" -> dataDir = Path.of(required(name, value));
                case "--repo-root" -> repoRoot = Path.of(required(name, value));
                case "--db-port" -> dbPort = number(name, value);
                case "--kafka-port" -> kafkaPort = number(name, value);
                case "--kafka-controller-port" -> kafkaControllerPort = number(name, value);
                case "--port-offset" -> portOffset = number(name, value);
                case "--only" -> only = list(name, value, ",");
                case "--start-timeout" -> startTimeout = Duration.ofSeconds(number(name, value));
                case "--jvm-options" -> serviceJvmOptions = list(name, value, "\\s+");
                default -> throw new IllegalArgumentException("Unknown option: " + argument);
            }
        }
        return new LaunchOptions(help, reset, dataDir, repoRoot, dbPort, kafkaPort, kafkaControllerPort, portOffset,
                only, startTimeout, serviceJvmOptions);
    }

    /** A builder with these options; its {@code build()} checks ports and service names. */
    LocalStack.Builder toBuilder() {
        LocalStack.Builder builder = LocalStack.builder()
                .dataDir(dataDir)
                .reset(reset)
                .dbPort(dbPort)
                .kafkaPort(kafkaPort)
                .kafkaControllerPort(kafkaControllerPort)
                .portOffset(portOffset)
                .startTimeout(startTimeout)
                .serviceJvmOptions(serviceJvmOptions);
        if (repoRoot != null) {
            builder.repoRoot(repoRoot);
        }
        if (only != null) {
            builder.only(only);
        }
        return builder;
    }

    private static boolean flag(String name, @Nullable String value) {
        if (value != null) {
            throw new IllegalArgumentException(name + " takes no value");
        }
        return true;
    }

    private static String required(String name, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " needs a value: " + name + "=...");
        }
        return value.trim();
    }

    private static int number(String name, @Nullable String value) {
        String text = required(name, value);
        try {
            return Integer.parseInt(text);
        }
        catch (NumberFormatException ex) {
            throw new IllegalArgumentException(name + " needs a whole number, not '" + text + "'");
        }
    }

    private static List<String> list(String name, @Nullable String value, String separator) {
        return Arrays.stream(required(name, value).split(separator)).map(String::trim).filter(s -> !s.isEmpty())
                .toList();
    }
}

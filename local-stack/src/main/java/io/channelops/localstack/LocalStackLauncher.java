package io.channelops.localstack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./channelops up}: starts the whole stack, prints where everything is, and stays in the
 * foreground until Ctrl-C or SIGTERM, which stop everything in reverse order.
 */
public final class LocalStackLauncher {

    private static final Logger log = LoggerFactory.getLogger(LocalStackLauncher.class);

    private LocalStackLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        Instant launched = ProcessHandle.current().info().startInstant().orElseGet(Instant::now);
        LocalStack stack;
        try {
            LaunchOptions options = LaunchOptions.parse(Arrays.asList(args), System.getenv());
            if (options.help()) {
                System.out.print(LaunchOptions.USAGE);
                return;
            }
            stack = options.toBuilder().build();
        }
        catch (IllegalArgumentException ex) {
            System.err.println(ex.getMessage());
            System.err.println();
            System.err.print(LaunchOptions.USAGE);
            System.exit(2);
            return;
        }
        catch (LocalStackException ex) {
            System.err.println(ex.getMessage());
            System.exit(1);
            return;
        }

        try {
            stack.start();
        }
        catch (LocalStackException ex) {
            log.error("The local stack did not start: {}", ex.getMessage());
            System.exit(1);
            return;
        }
        printSummary(stack, Duration.between(launched, Instant.now()), System.out);
        // The shutdown hook registered by start() stops everything; until then, stay in the foreground.
        new CountDownLatch(1).await();
    }

    static void printSummary(LocalStack stack, Duration startup, PrintStream out) {
        Path cwd = Path.of("").toAbsolutePath();
        String row = "  %-20s %-24s %-8s %s%n";
        out.println();
        out.printf("ChannelOps local stack is ready (%.1f s from launch to all ready)%n", startup.toMillis() / 1000.0);
        out.println();
        out.printf(row, "SERVICE", "URL", "PID", "LOG");
        for (ServiceProcess service : stack.services()) {
            ChildJvm jvm = service.jvm();
            out.printf(row, service.module(), service.url(), jvm == null ? "-" : jvm.pid(),
                    relative(cwd, service.logFile()));
        }
        out.println();
        out.printf("  %-11s %s  (user and database per service, password <database>-local)%n", "Database",
                stack.databaseServerUrl());
        out.printf("  %-11s %s  (log %s)%n", "Kafka", stack.kafkaBootstrapServers(),
                relative(cwd, stack.kafkaLogFile()));
        if (stack.services().stream().anyMatch(service -> service.module().equals("gateway"))) {
            out.printf("  %-11s %s%n", "Gateway", stack.url("gateway"));
            out.printf("  %-11s %s/swagger-ui.html%n", "Swagger UI", stack.url("gateway"));
        }
        out.printf("  %-11s %s  (get one: identity-service/scripts/token rep.east1.a local-demo-password)%n",
                "Tokens", stack.issuerUrl());
        out.printf("  %-11s %s%n", "Data", relative(cwd, stack.dataDir()));
        out.println();
        out.println("Press Ctrl-C to stop everything.");
    }

    private static Path relative(Path base, Path path) {
        return path.startsWith(base) ? base.relativize(path) : path;
    }
}

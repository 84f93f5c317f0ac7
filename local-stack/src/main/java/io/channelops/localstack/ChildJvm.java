package io.channelops.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JVM the stack started as a child process (a service, the Kafka broker or one of its tools),
 * with stdout and stderr appended to one log file.
 */
final class ChildJvm {

    private static final Logger log = LoggerFactory.getLogger(ChildJvm.class);

    /** How long a process may take to stop after SIGTERM before it is killed. */
    static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final String name;
    private final Path logFile;
    private final Process process;
    private volatile boolean stopping;

    private ChildJvm(String name, Path logFile, Process process) {
        this.name = name;
        this.logFile = logFile;
        this.process = process;
    }

    /**
     * Starts {@code java <arguments>} with the JVM that runs the stack, after writing a start
     * marker to the log, so that one log file can hold many runs.
     */
    static ChildJvm launch(String name, List<String> arguments, Map<String, String> environment,
            Path workingDirectory, Path logFile) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary().toString());
        command.addAll(arguments);
        try {
            Files.createDirectories(workingDirectory);
            Files.createDirectories(logFile.getParent());
            Files.writeString(logFile, "%n===== %s local-stack starts %s =====%n".formatted(Instant.now(), name),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(OwnSession.command(command))
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            log.debug("Started {} (pid {}): {}", name, process.pid(), command);
            return new ChildJvm(name, logFile, process);
        }
        catch (IOException ex) {
            throw new LocalStackException("Cannot start " + name + ": " + ex.getMessage(), ex);
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for a process that ends by itself (a tool) and returns its exit code; kills it after {@code timeout}. */
    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
                throw new LocalStackException(name + " did not finish within " + timeout.toSeconds() + " s"
                        + logTail());
            }
            return process.exitValue();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            kill();
            throw new LocalStackException("Interrupted while waiting for " + name, ex);
        }
    }

    /**
     * From now on, an exit that nobody asked for is reported loudly: in a dev stack the rest keeps
     * running, but the developer must see that one part is gone.
     */
    void reportUnexpectedExit() {
        process.onExit().thenAccept(exited -> {
            if (!stopping) {
                log.error("""

                        !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
                        !!! {} (pid {}) exited unexpectedly with code {}; the rest keeps running.{}
                        !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!""",
                        name, exited.pid(), exited.exitValue(), logTail());
            }
        });
    }

    /** Asks the process to stop (SIGTERM): the JVM runs its shutdown hooks, Spring closes gracefully. */
    void requestStop() {
        stopping = true;
        process.destroy();
    }

    /** Waits for a stop asked by {@link #requestStop()}, killing the process after {@code grace}. */
    void awaitStopped(Duration grace) {
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("{} (pid {}) did not stop within {} s; killing it", name, pid(), grace.toSeconds());
                kill();
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    void stop() {
        requestStop();
        awaitStopped(STOP_GRACE);
    }

    /** Kills the process (SIGKILL) and waits until it is gone. */
    void kill() {
        stopping = true;
        process.destroyForcibly();
        boolean interrupted = false;
        while (process.isAlive()) {
            try {
                process.waitFor();
            }
            catch (InterruptedException ex) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last lines of the log, formatted to be appended to an error message. */
    String logTail() {
        return "\n--- last lines of " + logFile + " ---\n" + String.join("\n", lastLines(logFile, 40))
                + "\n--- end of " + logFile.getFileName() + " ---";
    }

    /** The last {@code count} lines of a file, reading only its end: logs are appended to across runs. */
    static List<String> lastLines(Path file, int count) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            int length = (int) Math.min(size, 256 * 1024);
            ByteBuffer buffer = ByteBuffer.allocate(length);
            channel.position(size - length);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // read until the buffer is full
            }
            List<String> lines = Arrays.asList(
                    new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).split("\\R"));
            return List.copyOf(lines.subList(Math.max(0, lines.size() - count), lines.size()));
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read " + file, ex);
        }
    }

    /** The java launcher of the JVM running the stack, so that every child runs on the same JDK. */
    static Path javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }
}

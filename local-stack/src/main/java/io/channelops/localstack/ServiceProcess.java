package io.channelops.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One service of a stack: how to run it, and the JVM running it, if any. */
final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final ServiceSpec spec;
    private final int port;
    private final Path jar;
    private final List<String> jvmOptions;
    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final Path logFile;
    private volatile @Nullable ChildJvm jvm;

    ServiceProcess(ServiceSpec spec, int port, Path jar, List<String> jvmOptions, Map<String, String> environment,
            Path workingDirectory, Path logFile) {
        this.spec = spec;
        this.port = port;
        this.jar = jar;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.environment = Map.copyOf(environment);
        this.workingDirectory = workingDirectory;
        this.logFile = logFile;
    }

    String module() {
        return spec.module();
    }

    ServiceSpec.Phase phase() {
        return spec.phase();
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    Path jar() {
        return jar;
    }

    Path logFile() {
        return logFile;
    }

    Map<String, String> environment() {
        return environment;
    }

    boolean isBuilt() {
        return Files.isRegularFile(jar);
    }

    @Nullable ChildJvm jvm() {
        return jvm;
    }

    /** Starts the JVM; the caller waits for {@link #isReady()}. */
    void launch() {
        if (!isBuilt()) {
            throw new LocalStackException(module() + " is not built: " + jar + " is missing. Build it with"
                    + " ./channelops mvn -B -DskipTests install");
        }
        Ports.requireFree(port, module());
        List<String> arguments = new ArrayList<>(jvmOptions);
        arguments.add("-jar");
        arguments.add(jar.toString());
        jvm = ChildJvm.launch(module(), arguments, environment, workingDirectory, logFile);
    }

    /** Whether the readiness group of the service's health endpoint answers 200 (database and Kafka up). */
    boolean isReady() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        }
        catch (IOException ex) {
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("Interrupted while waiting for " + module(), ex);
        }
    }
}

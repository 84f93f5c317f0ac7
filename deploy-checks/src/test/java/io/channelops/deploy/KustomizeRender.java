package io.channelops.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Renders the Kustomize directories under {@code k8s/} with {@code kubectl kustomize} (no cluster needed) and parses
 * the multi-document YAML it prints. Each directory is rendered once per test JVM.
 */
final class KustomizeRender {

    private static final Map<Path, List<Map<String, Object>>> CACHE = new ConcurrentHashMap<>();

    private KustomizeRender() {
    }

    /** The repository root: the tests run in deploy-checks/. */
    static Path repoRoot() {
        Path root = Path.of("..").toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("k8s"))) {
            throw new IllegalStateException("no k8s/ directory in " + root + ": run the tests from deploy-checks/");
        }
        return root;
    }

    /** The names of the overlays: every directory under k8s/overlays. */
    static List<String> overlays() {
        try (Stream<Path> dirs = Files.list(repoRoot().resolve("k8s/overlays"))) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The objects {@code kubectl kustomize k8s/overlays/<name>} renders. */
    static List<Map<String, Object>> overlay(String name) {
        return render(repoRoot().resolve("k8s/overlays").resolve(name));
    }

    /** The objects {@code kubectl kustomize <dir>} renders, one map per YAML document. */
    static List<Map<String, Object>> render(Path dir) {
        return CACHE.computeIfAbsent(dir.toAbsolutePath().normalize(), d -> parse(kubectlKustomize(d)));
    }

    static String kubectlKustomize(Path dir) {
        return kustomize("kubectl", dir);
    }

    /** Runs {@code <kubectl> kustomize <dir>} and returns what it prints. */
    static String kustomize(String kubectl, Path dir) {
        Path stderr;
        try {
            stderr = Files.createTempFile("kustomize", ".stderr");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Process process;
            try {
                process = new ProcessBuilder(kubectl, "kustomize", dir.toString())
                        .redirectError(stderr.toFile())
                        .start();
            } catch (IOException e) {
                throw new AssertionError("""
                        %s was not found on the PATH (%s). These checks render the Kubernetes manifests with \
                        `kubectl kustomize`, offline and without a cluster: install kubectl 1.27 or newer (it \
                        bundles kustomize 5), e.g. the kubectl package of the Kubernetes apt repository, and run \
                        the tests again.""".formatted(kubectl, e.getMessage()), e);
            }
            String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(kubectl + " kustomize " + dir + " did not finish within 2 minutes");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(kubectl + " kustomize " + dir + " failed (exit " + process.exitValue() + "):\n"
                        + Files.readString(stderr));
            }
            return stdout;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while rendering " + dir, e);
        } finally {
            try {
                Files.deleteIfExists(stderr);
            } catch (IOException ignored) {
                // a temporary file left behind is harmless
            }
        }
    }

    /** Every non-empty document of a multi-document YAML text. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> parse(String yaml) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
            if (document == null) {
                continue;
            }
            if (!(document instanceof Map<?, ?> map)) {
                throw new AssertionError("a rendered YAML document is not an object: " + document);
            }
            documents.add((Map<String, Object>) map);
        }
        return List.copyOf(documents);
    }

    /** A test resource under src/test/resources/manifests/, parsed. */
    static List<Map<String, Object>> fixture(String name) {
        Path file = Path.of("src/test/resources/manifests").resolve(name);
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

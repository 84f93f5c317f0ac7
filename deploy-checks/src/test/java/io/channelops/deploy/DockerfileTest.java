package io.channelops.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.ObjectMapper;

/**
 * The Dockerfile that builds every service image: the rules are one function ({@link #violations}) applied to the
 * real file and to copies of it broken on purpose, which it must reject.
 */
class DockerfileTest {

    private static final String DOCKERFILE = ComposeRepo.read(ComposeRepo.ROOT.resolve("Dockerfile"));

    static final String RUNTIME_IMAGE = "eclipse-temurin:25-jre";
    static final String BUILD_IMAGE = "eclipse-temurin:25-jdk";
    static final List<String> LAYERS = List.of("dependencies", "spring-boot-loader", "snapshot-dependencies",
            "application");
    static final List<String> ENTRYPOINT = List.of("java", "org.springframework.boot.loader.launch.JarLauncher");

    @Test
    void theServiceImageFollowsEveryRule() {
        assertThat(violations(DOCKERFILE)).isEmpty();
    }

    @Test
    void theParserSeesTheStagesAndInstructionsOfTheRealFile() {
        List<List<Instruction>> stages = stages(DOCKERFILE);

        assertThat(stages).hasSize(2);
        assertThat(stages.getFirst().getFirst().keyword()).isEqualTo("FROM");
        assertThat(keywords(stages.getLast())).contains("USER", "EXPOSE", "HEALTHCHECK", "ENTRYPOINT", "COPY");
        Instruction healthcheck = stages.getLast().stream().filter(i -> i.keyword().equals("HEALTHCHECK"))
                .findFirst().orElseThrow();
        assertThat(healthcheck.arguments()).contains("--start-period=", "CMD [", "/actuator/health/liveness");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenDockerfiles")
    void aBrokenDockerfileIsRejected(String description, UnaryOperator<String> breakIt, String expectedViolation) {
        String broken = breakIt.apply(DOCKERFILE);
        assertThat(broken).as("the variant differs from the real file").isNotEqualTo(DOCKERFILE);

        assertThat(violations(broken)).anyMatch(violation -> violation.contains(expectedViolation));
    }

    static Stream<Arguments> brokenDockerfiles() {
        return Stream.of(
                Arguments.of("runs as root", replace("USER 10001:10001", "USER root"), "non-root numeric USER"),
                Arguments.of("runs as uid 0", replace("USER 10001:10001", "USER 0:0"), "non-root numeric USER"),
                Arguments.of("runs as a named user", replace("USER 10001:10001", "USER channelops"),
                        "non-root numeric USER"),
                Arguments.of("has no USER", replace("USER 10001:10001\n", ""), "non-root numeric USER"),
                Arguments.of("sets the user in the build stage only", (UnaryOperator<String>) text -> text
                        .replace("USER 10001:10001\n", "")
                        .replace("WORKDIR /workspace\n", "WORKDIR /workspace\nUSER 10001:10001\n"),
                        "non-root numeric USER"),
                Arguments.of("has no HEALTHCHECK", (UnaryOperator<String>) text -> text
                        .replaceAll("(?m)^HEALTHCHECK .*\\\\\\n.*\\n", ""), "HEALTHCHECK"),
                Arguments.of("switches the health check off", (UnaryOperator<String>) text -> text
                        .replaceAll("(?m)^HEALTHCHECK .*\\\\\\n.*\\n", "HEALTHCHECK NONE\n"), "HEALTHCHECK"),
                Arguments.of("checks a path that is not the liveness probe", replace("/actuator/health/liveness",
                        "/"), "/actuator/health/liveness"),
                Arguments.of("exposes no port", replace("EXPOSE ${PORT}\n", ""), "EXPOSE"),
                Arguments.of("exposes another port than it listens on", replace("EXPOSE ${PORT}", "EXPOSE 8080"),
                        "EXPOSE"),
                Arguments.of("copies the application layer first", (UnaryOperator<String>) text -> text
                        .replace("COPY --from=build /layers/dependencies/ ./\n", "")
                        .replace("COPY --from=build /layers/application/ ./\n",
                                "COPY --from=build /layers/application/ ./\n"
                                        + "COPY --from=build /layers/dependencies/ ./\n"),
                        "layer order"),
                Arguments.of("copies the fat jar instead of its layers", (UnaryOperator<String>) text -> text
                        .replaceAll("(?m)^COPY --from=build /layers/.*\\n", "")
                        .replace("WORKDIR /app\n", "WORKDIR /app\nCOPY --from=build /workspace/app.jar app.jar\n"),
                        "layer order"),
                Arguments.of("starts with java -jar", replace(
                        "ENTRYPOINT [\"java\", \"org.springframework.boot.loader.launch.JarLauncher\"]",
                        "ENTRYPOINT [\"java\", \"-jar\", \"app.jar\"]"), "ENTRYPOINT"),
                Arguments.of("starts through a shell", replace(
                        "ENTRYPOINT [\"java\", \"org.springframework.boot.loader.launch.JarLauncher\"]",
                        "ENTRYPOINT java org.springframework.boot.loader.launch.JarLauncher"), "ENTRYPOINT"),
                Arguments.of("lets the JVM ignore the container's memory", replace("-XX:MaxRAMPercentage=75 ", ""),
                        "MaxRAMPercentage"),
                Arguments.of("keeps running after an OutOfMemoryError", replace("-XX:+ExitOnOutOfMemoryError ", ""),
                        "ExitOnOutOfMemoryError"),
                Arguments.of("runs on the JDK", replace("ARG RUNTIME_IMAGE=eclipse-temurin:25-jre",
                        "ARG RUNTIME_IMAGE=eclipse-temurin:25-jdk"), "eclipse-temurin:25-jre"),
                Arguments.of("has a single stage", replace("FROM ${RUNTIME_IMAGE}\n", ""), "multi-stage"),
                Arguments.of("does not extract the layers", replace("extract --layers --launcher",
                        "extract --launcher"), "extract --layers --launcher"));
    }

    private static UnaryOperator<String> replace(String from, String to) {
        return text -> text.replace(from, to);
    }

    @Test
    void theBuildContextKeepsWhatMavenNeedsAndLeavesOutBuildOutputAndLocalData() {
        List<String> patterns = ComposeRepo.read(ComposeRepo.ROOT.resolve(".dockerignore")).lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();

        List<String> needed = new ArrayList<>(List.of("pom.xml", "mvnw", ".mvn/wrapper/maven-wrapper.properties",
                "platform-starter/src/main/resources/channelops-defaults.properties", "deploy-checks/pom.xml",
                "system-tests/pom.xml", "local-stack/pom.xml"));
        for (String module : ComposeRepo.reactorModules()) {
            needed.add(module + "/pom.xml");
        }
        for (ComposeRepo.ServiceModule module : ComposeRepo.serviceModules()) {
            needed.add(module.name() + "/src/main/resources/application.yml");
        }
        assertThat(needed).allSatisfy(path -> assertThat(ignored(patterns, path)).as(path).isFalse());
        assertThat(List.of("order-service/target/order-service.jar", "target/x", ".git/config", ".local/kafka/x",
                "docs/events.md", "order-service/src/test/java/X.java"))
                .allSatisfy(path -> assertThat(ignored(patterns, path)).as(path).isTrue());
    }

    // --- the rules ------------------------------------------------------------------------------------------

    /** One Dockerfile instruction; continuation lines joined, comments dropped. */
    record Instruction(String keyword, String arguments) {
    }

    /** What is wrong with a Dockerfile for a ChannelOps service image; empty when nothing is. */
    static List<String> violations(String dockerfile) {
        List<String> violations = new ArrayList<>();
        List<List<Instruction>> stages = stages(dockerfile);
        Map<String, String> globalArgs = globalArgs(dockerfile);
        if (stages.size() < 2) {
            violations.add("not a multi-stage build: the JDK and the sources must not end up in the image");
            if (stages.isEmpty()) {
                return violations;
            }
        }
        List<Instruction> last = stages.getLast();
        List<Instruction> build = stages.size() > 1 ? stages.getFirst() : List.of();

        // base images
        String runtime = resolve(first(last, "FROM").arguments().split("\\s+")[0], globalArgs);
        if (!runtime.equals(RUNTIME_IMAGE)) {
            violations.add("final stage runs on " + runtime + ", not " + RUNTIME_IMAGE);
        }
        if (!build.isEmpty()) {
            String builder = resolve(first(build, "FROM").arguments().split("\\s+")[0], globalArgs);
            if (!builder.equals(BUILD_IMAGE)) {
                violations.add("build stage runs on " + builder + ", not " + BUILD_IMAGE);
            }
            String runs = String.join("\n", all(build, "RUN").stream().map(Instruction::arguments).toList());
            if (!runs.contains("-Djarmode=tools") || !runs.contains("extract --layers --launcher")) {
                violations.add("build stage does not split the jar with -Djarmode=tools extract --layers --launcher");
            }
        }

        // user
        List<Instruction> users = all(last, "USER");
        String user = users.isEmpty() ? "" : users.getLast().arguments().strip();
        if (!user.matches("\\d+(:\\d+)?") || Long.parseLong(user.split(":")[0]) == 0) {
            violations.add("final stage must run as a non-root numeric USER (uid:gid), not '" + user + "'");
        }

        // port and health
        Map<String, String> env = env(last);
        List<Instruction> exposes = all(last, "EXPOSE");
        String listens = env.get("SERVER_PORT");
        if (exposes.isEmpty()) {
            violations.add("no EXPOSE of the service port");
        }
        else if (listens == null || !exposes.getLast().arguments().strip().equals(listens)) {
            violations.add("EXPOSE " + exposes.getLast().arguments().strip() + " is not the port the service listens"
                    + " on (SERVER_PORT=" + listens + ")");
        }
        List<Instruction> healthchecks = all(last, "HEALTHCHECK");
        String healthcheck = healthchecks.isEmpty() ? "NONE" : healthchecks.getLast().arguments().strip();
        if (healthcheck.equals("NONE") || !healthcheck.contains("CMD")) {
            violations.add("no HEALTHCHECK in the final stage");
        }
        else if (!healthcheck.contains("/actuator/health/liveness") || !healthcheck.contains("SERVER_PORT")) {
            violations.add("HEALTHCHECK must probe /actuator/health/liveness on SERVER_PORT: " + healthcheck);
        }

        // layers, least to most often changed
        List<String> copied = new ArrayList<>();
        Pattern layer = Pattern.compile("--from=\\S+\\s+\\S*/(" + String.join("|", LAYERS) + ")/?\\s");
        for (Instruction copy : all(last, "COPY")) {
            Matcher matcher = layer.matcher(copy.arguments() + " ");
            copied.add(matcher.find() ? matcher.group(1) : copy.arguments());
        }
        if (!copied.equals(LAYERS)) {
            violations.add("layer order must be " + LAYERS + " (copied: " + copied + ")");
        }

        // JVM in a container
        String options = env.getOrDefault("JAVA_TOOL_OPTIONS", "");
        for (String option : List.of("-XX:MaxRAMPercentage=", "-XX:+ExitOnOutOfMemoryError")) {
            if (!options.contains(option)) {
                violations.add("JAVA_TOOL_OPTIONS lacks " + option + " (has '" + options + "')");
            }
        }

        // start
        List<Instruction> entrypoints = all(last, "ENTRYPOINT");
        List<String> entrypoint = entrypoints.isEmpty() ? List.of() : execForm(entrypoints.getLast().arguments());
        if (!entrypoint.equals(ENTRYPOINT)) {
            violations.add("ENTRYPOINT must be the exec form " + ENTRYPOINT + " (signals reach the JVM directly), not "
                    + (entrypoints.isEmpty() ? "missing" : entrypoints.getLast().arguments()));
        }
        return violations;
    }

    /** The instructions of each stage (each begins with FROM); what precedes the first FROM is left out. */
    static List<List<Instruction>> stages(String dockerfile) {
        List<List<Instruction>> stages = new ArrayList<>();
        for (Instruction instruction : instructions(dockerfile)) {
            if (instruction.keyword().equals("FROM")) {
                stages.add(new ArrayList<>());
            }
            if (!stages.isEmpty()) {
                stages.getLast().add(instruction);
            }
        }
        return stages;
    }

    static List<Instruction> instructions(String dockerfile) {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : dockerfile.lines().toList()) {
            String stripped = line.strip();
            if (stripped.startsWith("#") || (stripped.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (stripped.endsWith("\\")) {
                current.append(stripped, 0, stripped.length() - 1).append(' ');
                continue;
            }
            current.append(stripped);
            String text = current.toString().strip();
            current.setLength(0);
            if (text.isEmpty()) {
                continue;
            }
            int space = text.indexOf(' ');
            instructions.add(space < 0 ? new Instruction(text.toUpperCase(), "")
                    : new Instruction(text.substring(0, space).toUpperCase(), text.substring(space + 1).strip()));
        }
        return instructions;
    }

    private static List<String> keywords(List<Instruction> stage) {
        return stage.stream().map(Instruction::keyword).toList();
    }

    private static Instruction first(List<Instruction> stage, String keyword) {
        return stage.stream().filter(i -> i.keyword().equals(keyword)).findFirst()
                .orElse(new Instruction(keyword, ""));
    }

    private static List<Instruction> all(List<Instruction> stage, String keyword) {
        return stage.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    /** ARGs declared before the first FROM, with their defaults: what FROM lines may use. */
    private static Map<String, String> globalArgs(String dockerfile) {
        Map<String, String> args = new LinkedHashMap<>();
        for (Instruction instruction : instructions(dockerfile)) {
            if (instruction.keyword().equals("FROM")) {
                break;
            }
            if (instruction.keyword().equals("ARG")) {
                String[] parts = instruction.arguments().split("=", 2);
                args.put(parts[0].strip(), parts.length > 1 ? parts[1].strip() : "");
            }
        }
        return args;
    }

    private static String resolve(String value, Map<String, String> args) {
        Matcher reference = Pattern.compile("\\$\\{?(\\w+)}?").matcher(value);
        return reference.replaceAll(m -> Matcher.quoteReplacement(args.getOrDefault(m.group(1), m.group())));
    }

    private static final Pattern ENV_PAIR = Pattern.compile("(\\w+)=(\"((?:[^\"\\\\]|\\\\.)*)\"|(\\S*))");

    /** ENV settings of a stage (key=value form), later ones winning. */
    private static Map<String, String> env(List<Instruction> stage) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Instruction instruction : all(stage, "ENV")) {
            Matcher pair = ENV_PAIR.matcher(instruction.arguments());
            while (pair.find()) {
                env.put(pair.group(1), pair.group(3) != null ? pair.group(3) : pair.group(4));
            }
        }
        return env;
    }

    /** The JSON array of an exec-form instruction, or empty for the shell form. */
    private static List<String> execForm(String arguments) {
        String text = arguments.strip();
        if (!text.startsWith("[")) {
            return List.of();
        }
        List<?> parsed = new ObjectMapper().readValue(text, List.class);
        return parsed.stream().map(String::valueOf).toList();
    }

    /**
     * Whether .dockerignore leaves a path out of the build context: a pattern matches the path or one of its parent
     * folders; {@code **}{@code /} also matches at the top level, as in Docker.
     */
    static boolean ignored(List<String> patterns, String path) {
        boolean ignored = false;
        for (String raw : patterns) {
            boolean negate = raw.startsWith("!");
            String pattern = trimSlashes(negate ? raw.substring(1) : raw);
            if (matches(pattern, path)) {
                ignored = !negate;
            }
        }
        return ignored;
    }

    private static boolean matches(String pattern, String path) {
        List<String> candidates = new ArrayList<>(List.of(pattern));
        if (pattern.startsWith("**/")) {
            candidates.add(pattern.substring(3));
        }
        Path target = Path.of(path);
        for (String candidate : candidates) {
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + candidate);
            for (Path prefix = target; prefix != null; prefix = prefix.getParent()) {
                if (matcher.matches(prefix)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String trimSlashes(String pattern) {
        String trimmed = pattern.startsWith("/") ? pattern.substring(1) : pattern;
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}

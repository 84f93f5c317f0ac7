package io.channelops.deploy;

import static io.channelops.deploy.ComposeYaml.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.channelops.deploy.ComposeChecks.Deployment;
import io.channelops.deploy.ComposeRepo.ServiceModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docker-compose.yml and what it mounts (MySQL init script, Prometheus and Grafana configuration) agree with the
 * sources: the modules of the root pom, their application.yml, platform-starter's defaults and docs/events.md.
 * Each rule is a check in {@link ComposeChecks}; the last tests break a copy of the files on purpose and expect the
 * same checks to say so.
 */
class ComposeFileTest {

    private static final Path DASHBOARDS = ComposeRepo.ROOT.resolve("deploy/grafana/dashboards");

    private static Deployment deployment;

    @BeforeAll
    static void load() {
        deployment = ComposeChecks.load();
    }

    @Test
    void theModulesComeFromTheRootPomAndTheirOwnConfiguration() {
        assertThat(deployment.modules()).extracting(ServiceModule::name)
                .contains("identity-service", "order-service", "gateway")
                .allMatch(name -> name.endsWith("-service") || name.equals("gateway"));

        ServiceModule order = ComposeRepo.serviceModule("order-service");
        assertThat(order.port()).isEqualTo(8083);
        assertThat(order.database()).isEqualTo("orders");
        assertThat(order.asksForOwnToken()).isTrue();
        assertThat(order.requiredVariables()).contains("DB_URL", "DB_USERNAME", "DB_PASSWORD",
                "KAFKA_BOOTSTRAP_SERVERS", "ISSUER_URL", "JWKS_URI", "SALES_URL", "FINANCE_URL",
                "SERVICE_CLIENT_SECRET", "TOKEN_URI");

        ServiceModule gateway = ComposeRepo.serviceModule("gateway");
        assertThat(gateway.usesPlatform()).isFalse();
        assertThat(gateway.requiredVariables())
                .contains("ISSUER_URL", "JWKS_URI", "IDENTITY_URL", "CUSTOMER_URL", "KPI_URL")
                .doesNotContain("DB_URL", "KAFKA_BOOTSTRAP_SERVERS");

        assertThat(ComposeRepo.serviceModule("customer-service").requiredVariables())
                .doesNotContain("SERVICE_CLIENT_SECRET", "SALES_URL");
        assertThat(deployment.topics()).contains("order.orders", "finance.payments", "identity.users");
    }

    @Test
    void everyServiceModuleIsBuiltFromTheDockerfileWithItsModuleAndPort() {
        assertThat(ComposeChecks.images(deployment)).isEmpty();
    }

    @Test
    void everyLongRunningContainerHasAHealthCheckAndModulesProbeTheirActuator() {
        assertThat(ComposeChecks.healthChecks(deployment)).isEmpty();
        assertThat(deployment.oneShots()).containsExactly(deployment.topicCreator());
    }

    @Test
    void everyContainerHasAMemoryLimitAndARestartPolicy() {
        assertThat(ComposeChecks.memoryLimits(deployment)).isEmpty();
        assertThat(ComposeChecks.restartPolicies(deployment)).isEmpty();
    }

    @Test
    void servicesStartOnlyWhenWhatTheyNeedIsHealthy() {
        assertThat(ComposeChecks.dependencies(deployment)).isEmpty();
    }

    @Test
    void everyServiceGetsTheEnvironmentItsConfigurationNeeds() {
        assertThat(ComposeChecks.environment(deployment)).isEmpty();
    }

    @Test
    void mysqlInitCreatesEachServiceDatabaseWithAUserGrantedOnlyOnIt() {
        assertThat(ComposeChecks.databases(deployment)).isEmpty();
        assertThat(ComposeChecks.dbUsers(deployment.mysqlInit())).containsKeys("identity", "orders", "kpi");
    }

    @Test
    void everyTopicAndItsDeadLetterTopicIsCreatedBeforeTheServicesStart() {
        assertThat(ComposeChecks.topics(deployment)).isEmpty();
    }

    @Test
    void prometheusScrapesEveryServiceWithTheMetricsScraperToken() {
        assertThat(ComposeChecks.prometheus(deployment)).isEmpty();
    }

    @Test
    void alertRulesCoverDownServicesOutboxDeadLettersServerErrorsAndOpenBreakers() {
        Map<String, Object> rules = ComposeRepo.yaml(ComposeRepo.ROOT.resolve("deploy/prometheus/alerts.yml"));
        List<Map<String, Object>> alerts = new ArrayList<>();
        ComposeYaml.list(rules.get("groups")).forEach(group -> ComposeYaml.list(map(group).get("rules"))
                .forEach(rule -> alerts.add(map(rule))));
        String expressions = alerts.stream().map(rule -> String.valueOf(rule.get("expr")))
                .collect(Collectors.joining("\n"));

        assertThat(expressions).contains("up{job=\"channelops\"}", "channelops_outbox_oldest_age_seconds", "> 60",
                "channelops_dead_letters_total", "status=~\"5..\"", "resilience4j_circuitbreaker_state");
        assertThat(alerts).allSatisfy(rule -> {
            assertThat(rule.get("alert")).isNotNull();
            assertThat(ComposeYaml.at(rule, "labels.severity")).isIn("critical", "warning");
            assertThat(ComposeYaml.at(rule, "annotations.summary")).isNotNull();
        });
        assertThat(ComposeYaml.list(deployment.prometheus().get("rule_files")).stream().map(String::valueOf))
                .contains("/etc/prometheus/alerts.yml");
    }

    @Test
    void grafanaProvisionsPrometheusAndEveryDashboardFile() {
        assertThat(ComposeChecks.grafana(deployment, DASHBOARDS)).isEmpty();
    }

    @Test
    void aDashboardOnAnUnprovisionedDataSourceIsRejected(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("good.json"), """
                {"title": "good", "panels": [{"datasource": {"type": "prometheus", "uid": "prometheus"}}]}""");
        Files.writeString(folder.resolve("templated.json"), """
                {"title": "templated", "panels": [{"datasource": {"uid": "${ds}"}}],
                 "templating": {"list": [{"name": "ds", "type": "datasource", "query": "prometheus"}]}}""");
        Files.writeString(folder.resolve("bad.json"), """
                {"title": "bad", "panels": [{"datasource": {"type": "prometheus", "uid": "DS_ELSEWHERE"}}]}""");

        assertThat(ComposeChecks.grafana(deployment, folder))
                .anyMatch(problem -> problem.startsWith("bad.json: data source uid DS_ELSEWHERE"))
                .noneMatch(problem -> problem.startsWith("good.json") || problem.startsWith("templated.json"));
    }

    // --- the same checks reject broken copies ------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("brokenDeployments")
    void aBrokenDeploymentIsRejected(Function<Deployment, Deployment> breakIt,
            Function<Deployment, List<String>> check, String expectedProblem) {
        assertThat(check.apply(deployment)).as("the real files pass this check").isEmpty();

        assertThat(check.apply(breakIt.apply(deployment))).anyMatch(problem -> problem.contains(expectedProblem));
    }

    static Stream<Arguments> brokenDeployments() {
        Function<Deployment, List<String>> images = ComposeChecks::images;
        Function<Deployment, List<String>> health = ComposeChecks::healthChecks;
        Function<Deployment, List<String>> memory = ComposeChecks::memoryLimits;
        Function<Deployment, List<String>> restarts = ComposeChecks::restartPolicies;
        Function<Deployment, List<String>> order = ComposeChecks::dependencies;
        Function<Deployment, List<String>> env = ComposeChecks::environment;
        Function<Deployment, List<String>> sql = ComposeChecks::databases;
        Function<Deployment, List<String>> topics = ComposeChecks::topics;
        Function<Deployment, List<String>> prometheus = ComposeChecks::prometheus;
        Function<Deployment, List<String>> grafana = d -> ComposeChecks.grafana(d, DASHBOARDS);
        return Stream.of(
                broken("a service built with another module's name", compose(c -> args(c, "kpi-service")
                        .put("MODULE", "kpi")), images, "kpi-service: expected one compose service"),
                broken("an image built for the wrong port", compose(c -> args(c, "sales-service").put("PORT", "8080")),
                        images, "build arg PORT is 8080"),
                broken("a service without a health check", compose(c -> service(c, "order-service")
                        .remove("healthcheck")), health, "order-service: no health check"),
                broken("a health check that does not probe the actuator", compose(c -> map(service(c, "kpi-service")
                        .get("healthcheck")).put("test", List.of("CMD", "true"))), health, "does not probe"),
                broken("a service without a memory limit", compose(c -> service(c, "kpi-service")
                        .remove("mem_limit")), memory, "kpi-service: no memory limit"),
                broken("a service that is not restarted", compose(c -> service(c, "logistics-service")
                        .put("restart", "no")), restarts, "logistics-service: restart policy 'no'"),
                broken("a service that starts before its database is healthy", compose(c -> map(map(service(c,
                        "finance-service").get("depends_on")).get("mysql")).put("condition", "service_started")),
                        order, "finance-service: must depend on mysql with condition service_healthy"),
                broken("a service that does not wait for the topics", compose(c -> map(service(c, "sales-service")
                        .get("depends_on")).remove("kafka-init")), order,
                        "sales-service: must depend on kafka-init with condition service_completed_successfully"),
                broken("a gateway that starts before a service it routes to", compose(c -> map(service(c, "gateway")
                        .get("depends_on")).remove("order-service")), order,
                        "gateway: must depend on order-service"),
                broken("a service without its database password", compose(c -> env(c, "customer-service")
                        .remove("DB_PASSWORD")), env, "customer-service: DB_PASSWORD is not set"),
                broken("a database password the init script does not set", compose(c -> env(c, "sales-service")
                        .put("DB_PASSWORD", "secret")), env, "sales-service: DB_PASSWORD differs"),
                broken("a service on another service's database", compose(c -> env(c, "finance-service")
                        .put("DB_URL", "jdbc:mysql://mysql:3306/orders")), env, "names database orders"),
                broken("a call URL on the wrong port", compose(c -> env(c, "order-service")
                        .put("FINANCE_URL", "http://finance-service:8080")), env, "FINANCE_URL is"),
                broken("keys fetched from the external issuer URL", compose(c -> env(c, "kpi-service")
                        .put("JWKS_URI", "http://localhost:9000/oauth2/jwks")), env, "kpi-service: JWKS_URI is"),
                broken("a service expecting another issuer", compose(c -> env(c, "logistics-service")
                        .put("ISSUER_URL", "http://identity-service:9000")), env, "differs from identity-service's"),
                broken("order-service without its client secret", compose(c -> env(c, "order-service")
                        .remove("SERVICE_CLIENT_SECRET")), env, "order-service: SERVICE_CLIENT_SECRET is not set"),
                broken("identity-service without the local demo company", compose(c -> env(c, "identity-service")
                        .remove("SPRING_PROFILES_ACTIVE")), env, "SPRING_PROFILES_ACTIVE=local"),
                broken("a user granted on every database", d -> d.withMysqlInit(d.mysqlInit()
                        + "\nGRANT ALL PRIVILEGES ON *.* TO 'orders'@'%';\n"), sql, "server-wide grant to orders"),
                broken("a missing database", d -> d.withMysqlInit(d.mysqlInit()
                        .replace("CREATE DATABASE IF NOT EXISTS kpi ", "-- dropped\nSELECT 1; ")), sql,
                        "no CREATE DATABASE kpi"),
                broken("a missing dead-letter topic", compose(c -> env(c, "kafka-init").put("TOPICS",
                        env(c, "kafka-init").get("TOPICS").toString().replace("order.orders.dlt", ""))), topics,
                        "topic order.orders.dlt is not created"),
                broken("a broker that creates topics on first use", compose(c -> env(c, "kafka")
                        .put("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true")), topics, "must be false"),
                broken("a service Prometheus does not scrape", d -> d.withPrometheus(prometheusWithout(d,
                        "kpi-service:8086")), prometheus, "does not scrape kpi-service"),
                broken("a scrape token fetched from the host's localhost", d -> d.withPrometheus(prometheusTokenUrl(d,
                        "http://localhost:9000/oauth2/token")), prometheus, "token_url"),
                broken("a dashboard provider reading a folder nothing is mounted at",
                        d -> d.withGrafanaProvisioning(providerPath(d, "/var/lib/grafana/elsewhere")), grafana,
                        "no Grafana dashboard provider reads a path mounted from deploy/grafana/dashboards"));
    }

    private static Arguments broken(String description, Function<Deployment, Deployment> breakIt,
            Function<Deployment, List<String>> check, String expectedProblem) {
        return Arguments.of(Named.of(description, breakIt), check, expectedProblem);
    }

    /** A change to a copy of the compose file. */
    private static Function<Deployment, Deployment> compose(Consumer<Map<String, Object>> change) {
        return d -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> copy = (Map<String, Object>) ComposeYaml.deepCopy(d.compose());
            change.accept(copy);
            return d.withCompose(copy);
        };
    }

    private static Map<String, Object> service(Map<String, Object> compose, String name) {
        return map(map(compose.get("services")).get(name));
    }

    private static Map<String, Object> args(Map<String, Object> compose, String name) {
        return map(map(service(compose, name).get("build")).get("args"));
    }

    private static Map<String, Object> env(Map<String, Object> compose, String name) {
        return map(service(compose, name).get("environment"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> prometheusWithout(Deployment d, String target) {
        Map<String, Object> copy = (Map<String, Object>) ComposeYaml.deepCopy(d.prometheus());
        ComposeYaml.list(copy.get("scrape_configs")).forEach(job -> ComposeYaml.list(map(job).get("static_configs"))
                .forEach(group -> ((List<Object>) map(group).get("targets")).remove(target)));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> prometheusTokenUrl(Deployment d, String tokenUrl) {
        Map<String, Object> copy = (Map<String, Object>) ComposeYaml.deepCopy(d.prometheus());
        ComposeYaml.list(copy.get("scrape_configs")).forEach(job -> {
            Map<String, Object> oauth2 = map(map(job).get("oauth2"));
            if (!oauth2.isEmpty()) {
                oauth2.put("token_url", tokenUrl);
            }
        });
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> providerPath(Deployment d, String path) {
        Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
        d.grafanaProvisioning().forEach((file, content) -> {
            Map<String, Object> changed = (Map<String, Object>) ComposeYaml.deepCopy(content);
            ComposeYaml.list(changed.get("providers")).forEach(provider -> map(map(provider).get("options"))
                    .put("path", path));
            copy.put(file, changed);
        });
        return copy;
    }
}

package io.channelops.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The rendered overlays follow the project's rules ({@link ManifestRules}): every rule finds nothing. */
class ManifestRulesTest {

    static List<String> overlays() {
        return KustomizeRender.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyDeploymentProbesRunsLockedDownHasResourcesAndShutsDownGracefully(String overlay) {
        ManifestSet set = ManifestSet.overlay(overlay);

        assertThat(set.deployments()).extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(ManifestFacts.SERVICES);
        assertThat(ManifestRules.deployments(set)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceHasAServiceDisruptionBudgetAutoscalerAndNetworkPolicies(String overlay) {
        assertThat(ManifestRules.coverage(ManifestSet.overlay(overlay), ManifestFacts.ports())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void networkPoliciesLetThroughOnlyEachServicesCallersAndDependencies(String overlay) {
        assertThat(ManifestRules.networkIsolation(ManifestSet.overlay(overlay), ManifestFacts.ports(), callees(),
                servicesReading("KAFKA_BOOTSTRAP_SERVERS"), servicesReading("DB_URL"))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyTopicOfTheEventCatalogAndItsDeadLetterTopicIsAKafkaTopic(String overlay) {
        assertThat(ManifestRules.topics(ManifestSet.overlay(overlay), ManifestFacts.topicsWithDeadLetters()))
                .isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theKafkaClusterItsNodePoolsAndItsClientsAgree(String overlay) {
        assertThat(ManifestRules.strimzi(ManifestSet.overlay(overlay), servicesReading("KAFKA_BOOTSTRAP_SERVERS")))
                .isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceIsGivenEveryVariableItNeedsWithCredentialsFromSecrets(String overlay) {
        assertThat(ManifestRules.environment(ManifestSet.overlay(overlay), ManifestFacts.requiredEnvironment()))
                .isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void secretsAreReferencedAndOnlyTheLocalOverlayGeneratesMarkedDemoOnes(String overlay) {
        assertThat(ManifestRules.secrets(ManifestSet.overlay(overlay), overlay.equals("local"))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceAgreesOnTheIssuer(String overlay) {
        assertThat(ManifestRules.issuer(ManifestSet.overlay(overlay), !overlay.equals("local"))).isEmpty();
    }

    @Test
    void productionRunsAtLeastTwoReplicasOfEveryServiceAlsoWhenScaledIn() {
        assertThat(ManifestRules.replicas(ManifestSet.overlay("production"), 2)).isEmpty();
    }

    @Test
    void localRunsOneReplicaOfEveryService() {
        assertThat(ManifestSet.overlay("local").deployments()).extracting(Deployment::getSpec)
                .allSatisfy(spec -> assertThat(spec.getReplicas()).isEqualTo(1));
    }

    @Test
    void productionUsesTheExternalMysqlAndLocalItsOwnStatefulSet() {
        var production = ManifestSet.overlay("production");
        var local = ManifestSet.overlay("local");

        assertThat(production.named(Service.class, "mysql"))
                .hasValueSatisfying(s -> assertThat(s.getSpec().getType()).isEqualTo("ExternalName"));
        assertThat(production.all(StatefulSet.class)).isEmpty();
        assertThat(local.named(StatefulSet.class, "mysql"))
                .hasValueSatisfying(s -> assertThat(s.getSpec().getTemplate().getSpec().getContainers().getFirst()
                        .getImage()).startsWith("mysql:8.4"));
    }

    @Test
    void theLocalDemoSecretsAreTheUsersTheLocalMysqlCreatesForEachServicesDatabase() throws Exception {
        ManifestSet local = ManifestSet.overlay("local");
        String init = Files.readString(KustomizeRender.repoRoot()
                .resolve("k8s/overlays/local/mysql/local-demo-init.sql"));
        var users = Pattern
                .compile("CREATE USER IF NOT EXISTS '(\\w+)'@'%' IDENTIFIED BY '([^']+)'").matcher(init);
        Map<String, String> passwords = new LinkedHashMap<>();
        while (users.find()) {
            passwords.put(users.group(1), users.group(2));
        }

        for (String service : ManifestFacts.SERVICES) {
            Deployment deployment = local.deployment(service).orElseThrow();
            String dbUrl = ManifestRules.environment(local, deployment).get("DB_URL");
            if (dbUrl == null) {
                continue;
            }
            String database = dbUrl.replaceFirst("^jdbc:mysql://mysql:3306/([a-z]+)\\?.*$", "$1");
            String username = secretValue(local, deployment, "DB_USERNAME");
            assertThat(username).as("%s's database user", service).isEqualTo(database);
            assertThat(secretValue(local, deployment, "DB_PASSWORD")).as("%s's database password", service)
                    .isEqualTo(passwords.get(username));
            assertThat(init).contains("GRANT ALL PRIVILEGES ON " + database + ".* TO '" + username + "'@'%';");
        }
    }

    /** The value of a variable the Deployment reads from a Secret (rendered names carry kustomize's hash). */
    private static String secretValue(ManifestSet set, Deployment deployment, String variable) {
        var ref = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv().stream()
                .filter(v -> v.getName().equals(variable)).findFirst().orElseThrow()
                .getValueFrom().getSecretKeyRef();
        String base64 = set.secret(ref.getName()).orElseThrow().getData().get(ref.getKey());
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    @Test
    void theRulesFactsAreReadFromTheSources() {
        Map<String, Set<String>> required = ManifestFacts.requiredEnvironment();

        assertThat(required.get("order-service")).contains("DB_URL", "DB_USERNAME", "DB_PASSWORD",
                "KAFKA_BOOTSTRAP_SERVERS", "ISSUER_URL", "JWKS_URI", "SALES_URL", "FINANCE_URL",
                "SERVICE_CLIENT_SECRET", "TOKEN_URI");
        assertThat(required.get("gateway")).contains("ISSUER_URL", "JWKS_URI", "IDENTITY_URL", "CUSTOMER_URL",
                "SALES_URL", "ORDER_URL", "LOGISTICS_URL", "FINANCE_URL", "KPI_URL").doesNotContain("DB_URL");
        assertThat(required.get("customer-service")).contains("DB_URL", "KAFKA_BOOTSTRAP_SERVERS")
                .doesNotContain("SERVICE_CLIENT_SECRET", "SALES_URL");
        assertThat(ManifestFacts.callees("order-service"))
                .containsExactlyInAnyOrder("sales-service", "finance-service", "identity-service");
        assertThat(ManifestFacts.callees("gateway")).hasSize(7);
        assertThat(ManifestFacts.ports()).containsEntry("identity-service", 9000).containsEntry("gateway", 8080)
                .containsEntry("order-service", 8083);
        assertThat(ManifestFacts.topics()).contains("customer.customers", "sales.products", "order.orders",
                "logistics.reservations", "logistics.shipments", "finance.credit-accounts", "finance.invoices",
                "finance.payments", "identity.users", "identity.org-units");
    }

    static Map<String, Set<String>> callees() {
        Map<String, Set<String>> callees = new LinkedHashMap<>();
        ManifestFacts.SERVICES.forEach(s -> callees.put(s, ManifestFacts.callees(s)));
        return callees;
    }

    static Set<String> servicesReading(String variable) {
        Set<String> services = new TreeSet<>();
        ManifestFacts.SERVICES.stream().filter(s -> ManifestFacts.variablesRead(s).contains(variable))
                .forEach(services::add);
        return services;
    }
}

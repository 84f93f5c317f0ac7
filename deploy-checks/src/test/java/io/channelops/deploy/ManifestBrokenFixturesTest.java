package io.channelops.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The rules catch what they are for: broken manifests under src/test/resources/manifests/, fed to the same rule
 * functions that find nothing in the rendered overlays, give exactly the expected violations.
 */
class ManifestBrokenFixturesTest {

    @Test
    void aDeploymentWithoutProbesBreaksTheThreeProbeRules() {
        var violations = ManifestRules.deployments(ManifestSet.fixture("deployment-without-probes.yaml"));

        assertThat(keys(violations)).containsExactlyInAnyOrder(
                "Deployment/sales-service probe.liveness",
                "Deployment/sales-service probe.readiness",
                "Deployment/sales-service probe.startup");
    }

    @Test
    void aDeploymentRunningAsRootBreaksEverySecurityRule() {
        var violations = ManifestRules.deployments(ManifestSet.fixture("deployment-running-as-root.yaml"));

        assertThat(keys(violations)).containsExactlyInAnyOrder(
                "Deployment/customer-service security.non-root",
                "Deployment/customer-service security.read-only-root",
                "Deployment/customer-service security.privilege-escalation",
                "Deployment/customer-service security.capabilities",
                "Deployment/customer-service security.seccomp",
                "Deployment/customer-service tmp.writable");
    }

    @Test
    void aDeploymentThatStartsAndStopsTooFastAndHasNoLimitsIsCaught() {
        var violations = ManifestRules.deployments(ManifestSet.fixture("deployment-cut-short.yaml"));

        assertThat(keys(violations)).containsExactlyInAnyOrder(
                "Deployment/kpi-service probe.readiness",
                "Deployment/kpi-service probe.startup-budget",
                "Deployment/kpi-service resources.limits",
                "Deployment/kpi-service lifecycle.pre-stop",
                "Deployment/kpi-service termination.grace-period");
        assertThat(details(violations, "resources.limits")).hasSize(2)
                .anyMatch(d -> d.contains("no cpu limit")).anyMatch(d -> d.contains("no memory limit"));
        assertThat(details(violations, "termination.grace-period")).singleElement().asString()
                .contains("terminationGracePeriodSeconds is 10", "at least 30 s");
    }

    @Test
    void aServiceWithoutItsCompanionsIsReportedForEachMissingOne() {
        var violations = ManifestRules.coverage(ManifestSet.fixture("service-without-coverage.yaml"),
                Map.of("customer-service", 8081));

        assertThat(keys(violations)).containsExactlyInAnyOrder(
                "Namespace/channelops network.default-deny",
                "Deployment/customer-service coverage.service",
                "Deployment/customer-service coverage.pdb",
                "Deployment/customer-service coverage.hpa",
                "Deployment/customer-service coverage.network-ingress",
                "Deployment/customer-service coverage.network-egress");
    }

    @Test
    void policiesThatAdmitOrSendTooMuchOrTooLittleAreCaughtPathByPath() {
        var violations = ManifestRules.networkIsolation(ManifestSet.fixture("network-too-open.yaml"),
                Map.of("gateway", 8080, "sales-service", 8082, "customer-service", 8081),
                Map.of("gateway", Set.of("sales-service", "customer-service", "identity-service"),
                        "sales-service", Set.of("identity-service"),
                        "customer-service", Set.of("identity-service")),
                Set.of(), Set.of());

        assertThat(violations).extracting(ManifestViolation::detail).containsExactlyInAnyOrder(
                // sales-service admits every pod of the namespace
                "sales-service:8082 admits customer-service",
                "sales-service:8082 admits sales-service",
                "sales-service:8082 admits an unlabelled pod of the namespace",
                // and not Prometheus, neither does customer-service
                "Prometheus cannot reach sales-service:8082",
                "Prometheus cannot reach customer-service:8081",
                // the gateway's egress forgets customer-service
                "gateway cannot reach customer-service:8081",
                // customer-service may send anywhere
                "customer-service may send to sales-service:8082",
                "customer-service may send to customer-service:8081",
                "customer-service may send to gateway:8080",
                "customer-service may send to Kafka:9092",
                "customer-service may send to MySQL:3306",
                "customer-service may send to a pod of another namespace:80",
                "customer-service may send to a pod of another namespace:443",
                "customer-service may send to a pod of another namespace:3306",
                "customer-service may send to a pod of another namespace:9092",
                "customer-service may send to an unlabelled pod of the namespace:80",
                "customer-service may send to an unlabelled pod of the namespace:443",
                "customer-service may send to an unlabelled pod of the namespace:3306",
                "customer-service may send to an unlabelled pod of the namespace:9092");
    }

    @Test
    void aMissingDeadLetterTopicATypoAndTopicsTheClusterCannotHoldAreCaught() {
        var violations = ManifestRules.topics(ManifestSet.fixture("topics-incomplete.yaml"),
                Set.of("customer.customers", "customer.customers.dlt", "sales.products", "sales.products.dlt"));

        assertThat(keys(violations)).containsExactlyInAnyOrder(
                "KafkaTopic/customer.customers.dlt topic.missing",
                "KafkaTopic/customer.customer topic.undocumented",
                "KafkaTopic/sales.products topic.replicas",
                "KafkaTopic/sales.products topic.retention",
                "KafkaTopic/sales.products.dlt topic.cluster",
                "KafkaTopic/sales.products.dlt topic.replicas");
    }

    @Test
    void aKafkaClusterThatDoesNotHangTogetherIsCaught() {
        var violations = ManifestRules.strimzi(ManifestSet.fixture("kafka-inconsistent.yaml"),
                Set.of("sales-service"));

        assertThat(keys(violations)).containsExactlyInAnyOrder(
                "Kafka/channelops kafka.node-pools",
                "Kafka/channelops kafka.replication",
                "Kafka/channelops kafka.listener-peers",
                "KafkaNodePool/brokers node-pool.cluster",
                "Deployment/sales-service kafka.bootstrap");
        assertThat(details(violations, "kafka.listener-peers")).containsExactly("listener plain admits gateway");
        assertThat(details(violations, "kafka.replication")).hasSize(5);
    }

    @Test
    void missingVariablesLiteralCredentialsAndWrongUrlsAreCaught() {
        var violations = ManifestRules.environment(ManifestSet.fixture("order-service-missing-environment.yaml"),
                Map.of("order-service", ManifestFacts.requiredEnvironment("order-service")));

        assertThat(keys(violations)).containsExactlyInAnyOrder(
                "Deployment/order-service env.config-map-missing",
                "Deployment/order-service env.missing",
                "Deployment/order-service env.credential-not-secret",
                "Deployment/order-service env.server-port",
                "Deployment/order-service env.url-target");
        assertThat(details(violations, "env.missing")).hasSize(3)
                .anyMatch(d -> d.startsWith("SALES_URL "))
                .anyMatch(d -> d.startsWith("TOKEN_URI "))
                .anyMatch(d -> d.startsWith("SERVICE_CLIENT_SECRET "));
        assertThat(details(violations, "env.credential-not-secret")).singleElement().asString()
                .startsWith("DB_PASSWORD ");
        assertThat(details(violations, "env.url-target")).hasSize(2)
                .anyMatch(d -> d.startsWith("FINANCE_URL=http://finance:8085 names no Service"))
                .anyMatch(d -> d.startsWith("JWKS_URI=http://identity-service:9000/jwks must be"));
    }

    @Test
    void aCommittedSecretIsCaughtAndADemoOneMustBeMarkedAndComplete() {
        var set = ManifestSet.fixture("secrets-and-replicas.yaml");

        assertThat(keys(ManifestRules.secrets(set, false))).containsExactly("Secret/sales-service-db secret.committed");
        assertThat(keys(ManifestRules.secrets(set, true))).containsExactlyInAnyOrder(
                "Secret/sales-service-db secret.unmarked",
                "Secret/sales-service-db secret.unresolved");
    }

    @Test
    void aSingleReplicaIsCaughtInTheDeploymentAndTheAutoscaler() {
        var violations = ManifestRules.replicas(ManifestSet.fixture("secrets-and-replicas.yaml"), 2);

        assertThat(keys(violations)).containsExactlyInAnyOrder(
                "Deployment/sales-service replicas.deployment",
                "HorizontalPodAutoscaler/sales-service replicas.hpa");
    }

    @Test
    void anIssuerThatIsNotThePublicIdentityHostIsCaught() {
        var set = ManifestSet.fixture("issuer-not-public.yaml");

        assertThat(keys(ManifestRules.issuer(set, true)))
                .containsExactlyInAnyOrder("ConfigMap issuer.same", "ConfigMap issuer.public");
        assertThat(details(ManifestRules.issuer(set, true), "issuer.public")).hasSize(2);
        assertThat(keys(ManifestRules.issuer(set, false))).containsExactly("ConfigMap issuer.same");
    }

    /** The distinct {@code object rule} pairs. */
    private static Set<String> keys(List<ManifestViolation> violations) {
        return violations.stream().map(ManifestViolation::key).collect(Collectors.toSet());
    }

    private static List<String> details(List<ManifestViolation> violations, String rule) {
        return violations.stream().filter(v -> v.rule().equals(rule)).map(ManifestViolation::detail).toList();
    }
}

package io.channelops.deploy;

import io.channelops.deploy.ManifestNetwork.Pod;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's rules for its Kubernetes manifests. Each rule is a function from objects to the violations it finds:
 * the tests apply them to every rendered overlay (expecting none) and to broken fixtures (expecting specific ones).
 */
final class ManifestRules {

    static final String NAMESPACE = "channelops";
    static final String LIVENESS_PATH = "/actuator/health/liveness";
    static final String READINESS_PATH = "/actuator/health/readiness";
    static final int RUN_AS_USER = 10001;
    /** Spring Boot starts in about 20-60 s: the startup probe must wait at least this long before giving up. */
    static final int MIN_STARTUP_BUDGET_SECONDS = 90;
    static final int MIN_GRACE_PERIOD_SECONDS = 30;
    /** spring.lifecycle.timeout-per-shutdown-phase: graceful shutdown after the preStop hook. */
    static final int SHUTDOWN_PHASE_SECONDS = 20;
    static final String LOCAL_DEMO_LABEL = "channelops.io/local-demo";

    private static final Pattern SLEEP = Pattern.compile("\\bsleep\\s+(\\d+)");

    private ManifestRules() {
    }

    // ------------------------------------------------------------------ Deployments

    /** Every Deployment of the set: see {@link #deployment(Deployment)}. */
    static List<ManifestViolation> deployments(ManifestSet set) {
        return set.deployments().stream().flatMap(d -> deployment(d).stream()).toList();
    }

    /**
     * Probes on the actuator health groups (startup one generous), non-root with a read-only root filesystem, no
     * privilege escalation, no capabilities, the default seccomp profile, a writable /tmp, requests and limits, a
     * preStop hook and a grace period that covers it and the graceful shutdown.
     */
    static List<ManifestViolation> deployment(Deployment deployment) {
        List<ManifestViolation> out = new ArrayList<>();
        String id = ManifestSet.id(deployment);
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        PodSecurityContext podSecurity = Optional.ofNullable(pod.getSecurityContext()).orElse(new PodSecurityContext());
        int longestPreStop = 0;
        for (Container c : list(pod.getContainers())) {
            String where = "container " + c.getName() + ": ";
            Map<String, Integer> ports = namedPorts(c);
            checkProbe(out, id, "probe.liveness", where, "livenessProbe", c.getLivenessProbe(), ports,
                    LIVENESS_PATH::equals, LIVENESS_PATH);
            checkProbe(out, id, "probe.readiness", where, "readinessProbe", c.getReadinessProbe(), ports,
                    READINESS_PATH::equals, READINESS_PATH);
            checkProbe(out, id, "probe.startup", where, "startupProbe", c.getStartupProbe(), ports,
                    path -> path.startsWith("/actuator/health/"), "/actuator/health/*");
            if (c.getStartupProbe() != null) {
                int budget = budget(c.getStartupProbe());
                if (budget < MIN_STARTUP_BUDGET_SECONDS) {
                    out.add(new ManifestViolation(id, "probe.startup-budget", where + "the startup probe gives up after "
                            + budget + " s; Spring Boot may need up to 60 s: allow at least "
                            + MIN_STARTUP_BUDGET_SECONDS + " s"));
                }
            }

            SecurityContext sc = Optional.ofNullable(c.getSecurityContext()).orElse(new SecurityContext());
            Boolean nonRoot = first(sc.getRunAsNonRoot(), podSecurity.getRunAsNonRoot());
            Long user = first(sc.getRunAsUser(), podSecurity.getRunAsUser());
            if (!Boolean.TRUE.equals(nonRoot) || user == null || user == 0) {
                out.add(new ManifestViolation(id, "security.non-root", where + "must set runAsNonRoot: true and a "
                        + "non-zero runAsUser (runAsNonRoot=" + nonRoot + ", runAsUser=" + user + ")"));
            } else if (user != RUN_AS_USER) {
                out.add(new ManifestViolation(id, "security.run-as-user", where + "runs as uid " + user
                        + ", the images' user is " + RUN_AS_USER));
            }
            if (!Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem())) {
                out.add(new ManifestViolation(id, "security.read-only-root", where
                        + "readOnlyRootFilesystem must be true"));
            }
            if (!Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation()) || Boolean.TRUE.equals(sc.getPrivileged())) {
                out.add(new ManifestViolation(id, "security.privilege-escalation", where
                        + "allowPrivilegeEscalation must be false and the container not privileged"));
            }
            boolean dropsAll = sc.getCapabilities() != null && list(sc.getCapabilities().getDrop()).contains("ALL");
            boolean addsNone = sc.getCapabilities() == null || list(sc.getCapabilities().getAdd()).isEmpty();
            if (!dropsAll || !addsNone) {
                out.add(new ManifestViolation(id, "security.capabilities", where
                        + "must drop ALL capabilities and add none"));
            }
            String seccomp = Optional.ofNullable(sc.getSeccompProfile())
                    .or(() -> Optional.ofNullable(podSecurity.getSeccompProfile()))
                    .map(p -> p.getType()).orElse(null);
            if (!"RuntimeDefault".equals(seccomp) && !"Localhost".equals(seccomp)) {
                out.add(new ManifestViolation(id, "security.seccomp", where
                        + "seccompProfile must be RuntimeDefault (is " + seccomp + ")"));
            }
            if (!tmpIsEmptyDir(c, pod)) {
                out.add(new ManifestViolation(id, "tmp.writable", where
                        + "needs an emptyDir volume mounted on /tmp (the root filesystem is read-only)"));
            }

            Map<String, Quantity> requests = c.getResources() == null ? Map.of() : map(c.getResources().getRequests());
            Map<String, Quantity> limits = c.getResources() == null ? Map.of() : map(c.getResources().getLimits());
            for (String resource : List.of("cpu", "memory")) {
                if (!requests.containsKey(resource)) {
                    out.add(new ManifestViolation(id, "resources.requests", where + "no " + resource + " request"));
                }
                if (!limits.containsKey(resource)) {
                    out.add(new ManifestViolation(id, "resources.limits", where + "no " + resource + " limit"));
                }
                if (requests.containsKey(resource) && limits.containsKey(resource)
                        && amount(requests.get(resource)).compareTo(amount(limits.get(resource))) > 0) {
                    out.add(new ManifestViolation(id, "resources.request-over-limit", where + "the " + resource
                            + " request " + requests.get(resource) + " is over its limit " + limits.get(resource)));
                }
            }

            if (c.getLifecycle() == null || c.getLifecycle().getPreStop() == null) {
                out.add(new ManifestViolation(id, "lifecycle.pre-stop", where + "needs a preStop hook (e.g. sleep 10) "
                        + "so that endpoints drain before the graceful shutdown"));
            } else {
                longestPreStop = Math.max(longestPreStop, preStopSeconds(c));
            }
        }
        Long grace = pod.getTerminationGracePeriodSeconds();
        int needed = Math.max(MIN_GRACE_PERIOD_SECONDS, longestPreStop + SHUTDOWN_PHASE_SECONDS);
        if (grace == null || grace < needed) {
            out.add(new ManifestViolation(id, "termination.grace-period", "terminationGracePeriodSeconds is "
                    + grace + "; it must be set and at least " + needed + " s (preStop " + longestPreStop
                    + " s + " + SHUTDOWN_PHASE_SECONDS + " s graceful shutdown, never under "
                    + MIN_GRACE_PERIOD_SECONDS + " s)"));
        }
        return out;
    }

    private static void checkProbe(List<ManifestViolation> out, String id, String rule, String where, String name,
            Probe probe, Map<String, Integer> ports, Predicate<String> path, String expected) {
        if (probe == null) {
            out.add(new ManifestViolation(id, rule, where + "no " + name + " (expected an HTTP GET on " + expected
                    + ")"));
            return;
        }
        HTTPGetAction get = probe.getHttpGet();
        if (get == null || get.getPath() == null || !path.test(get.getPath())) {
            out.add(new ManifestViolation(id, rule, where + name + " must be an HTTP GET on " + expected + " (is "
                    + (get == null ? "not an HTTP GET" : get.getPath()) + ")"));
        } else if (resolve(get.getPort(), ports) == null) {
            out.add(new ManifestViolation(id, rule, where + name + " uses port " + get.getPort()
                    + ", which the container does not declare"));
        }
    }

    private static int budget(Probe probe) {
        int period = Optional.ofNullable(probe.getPeriodSeconds()).orElse(10);
        int failures = Optional.ofNullable(probe.getFailureThreshold()).orElse(3);
        int delay = Optional.ofNullable(probe.getInitialDelaySeconds()).orElse(0);
        return delay + period * failures;
    }

    private static int preStopSeconds(Container c) {
        var hook = c.getLifecycle().getPreStop();
        if (hook.getSleep() != null && hook.getSleep().getSeconds() != null) {
            return hook.getSleep().getSeconds().intValue();
        }
        if (hook.getExec() != null) {
            Matcher m = SLEEP.matcher(String.join(" ", list(hook.getExec().getCommand())));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        return 0;
    }

    private static boolean tmpIsEmptyDir(Container c, PodSpec pod) {
        for (VolumeMount mount : list(c.getVolumeMounts())) {
            if ("/tmp".equals(mount.getMountPath()) && !Boolean.TRUE.equals(mount.getReadOnly())) {
                for (Volume volume : list(pod.getVolumes())) {
                    if (volume.getName().equals(mount.getName()) && volume.getEmptyDir() != null) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ coverage of each service

    /**
     * Each service has its Deployment (listening on its port), a Service in front of it, a PodDisruptionBudget, a
     * CPU HorizontalPodAutoscaler and NetworkPolicies of its own for both directions, under a namespace-wide default
     * deny; the gateway is behind an Ingress.
     */
    static List<ManifestViolation> coverage(ManifestSet set, Map<String, Integer> ports) {
        List<ManifestViolation> out = new ArrayList<>();
        List<NetworkPolicy> policies = set.all(NetworkPolicy.class);
        if (policies.stream().noneMatch(ManifestRules::isDefaultDeny)) {
            out.add(new ManifestViolation("Namespace/" + NAMESPACE, "network.default-deny",
                    "no NetworkPolicy denies all ingress and egress (podSelector {}, both policy types, no rules)"));
        }
        for (var entry : ports.entrySet()) {
            String service = entry.getKey();
            int port = entry.getValue();
            String id = "Deployment/" + service;
            Optional<Deployment> found = set.deployment(service);
            if (found.isEmpty()) {
                out.add(new ManifestViolation(id, "coverage.deployment", "no Deployment " + service));
                continue;
            }
            Deployment deployment = found.get();
            PodTemplateSpec template = deployment.getSpec().getTemplate();
            Map<String, String> labels = map(template.getMetadata().getLabels());
            if (!ManifestNetwork.matches(deployment.getSpec().getSelector(), labels)) {
                out.add(new ManifestViolation(id, "coverage.deployment", "its selector does not select its pods"));
            }
            Container container = list(template.getSpec().getContainers()).stream().findFirst().orElse(null);
            Map<String, Integer> named = container == null ? Map.of() : namedPorts(container);
            boolean listens = container != null && list(container.getPorts()).stream()
                    .anyMatch(p -> Objects.equals(p.getContainerPort(), port));
            if (!listens) {
                out.add(new ManifestViolation(id, "deployment.port", "its container does not declare port " + port
                        + " (SERVER_PORT's default in " + service + "'s application.yml)"));
            }

            boolean serviced = set.all(Service.class).stream().anyMatch(s ->
                    s.getSpec().getSelector() != null && !s.getSpec().getSelector().isEmpty()
                            && s.getSpec().getSelector().entrySet().stream()
                                    .allMatch(e -> e.getValue().equals(labels.get(e.getKey())))
                            && list(s.getSpec().getPorts()).stream().anyMatch(sp -> Objects.equals(sp.getPort(), port)
                                    && Objects.equals(resolve(targetPort(sp), named), port)));
            if (!serviced) {
                out.add(new ManifestViolation(id, "coverage.service", "no Service selects its pods on port " + port));
            }

            boolean budgeted = set.all(PodDisruptionBudget.class).stream().anyMatch(pdb ->
                    selects(pdb.getSpec().getSelector(), labels) && pdb.getSpec().getMinAvailable() != null
                            && pdb.getSpec().getMinAvailable().getIntVal() != null
                            && pdb.getSpec().getMinAvailable().getIntVal() >= 1);
            if (!budgeted) {
                out.add(new ManifestViolation(id, "coverage.pdb", "no PodDisruptionBudget with minAvailable >= 1 "
                        + "selects its pods"));
            }

            boolean scaled = set.all(HorizontalPodAutoscaler.class).stream().anyMatch(hpa ->
                    "Deployment".equals(hpa.getSpec().getScaleTargetRef().getKind())
                            && service.equals(hpa.getSpec().getScaleTargetRef().getName())
                            && hpa.getSpec().getMinReplicas() != null && hpa.getSpec().getMinReplicas() >= 1
                            && hpa.getSpec().getMaxReplicas() >= hpa.getSpec().getMinReplicas()
                            && list(hpa.getSpec().getMetrics()).stream().anyMatch(ManifestRules::isCpuUtilization));
            if (!scaled) {
                out.add(new ManifestViolation(id, "coverage.hpa", "no HorizontalPodAutoscaler (autoscaling/v2, CPU "
                        + "utilization, 1 <= minReplicas <= maxReplicas) targets it"));
            }

            for (String type : List.of("Ingress", "Egress")) {
                boolean covered = policies.stream().anyMatch(p -> !isDefaultDeny(p)
                        && ManifestNetwork.types(p).contains(type)
                        && !emptySelector(p.getSpec().getPodSelector())
                        && ManifestNetwork.matches(p.getSpec().getPodSelector(), labels));
                if (!covered) {
                    out.add(new ManifestViolation(id, "coverage.network-" + type.toLowerCase(),
                            "no NetworkPolicy of its own says which " + type.toLowerCase() + " it has"));
                }
            }
        }
        if (!ports.containsKey(ManifestFacts.GATEWAY)) {
            return out;
        }
        boolean gatewayExposed = set.all(Ingress.class).stream()
                .flatMap(i -> list(i.getSpec().getRules()).stream())
                .anyMatch(r -> backends(r).contains(ManifestFacts.GATEWAY));
        if (!gatewayExposed) {
            out.add(new ManifestViolation("Deployment/" + ManifestFacts.GATEWAY, "coverage.ingress",
                    "no Ingress routes to the gateway"));
        }
        return out;
    }

    private static boolean isCpuUtilization(MetricSpec metric) {
        return "Resource".equals(metric.getType()) && metric.getResource() != null
                && "cpu".equals(metric.getResource().getName()) && metric.getResource().getTarget() != null
                && "Utilization".equals(metric.getResource().getTarget().getType())
                && metric.getResource().getTarget().getAverageUtilization() != null;
    }

    static boolean isDefaultDeny(NetworkPolicy p) {
        return emptySelector(p.getSpec().getPodSelector())
                && ManifestNetwork.types(p).containsAll(List.of("Ingress", "Egress"))
                && list(p.getSpec().getIngress()).isEmpty() && list(p.getSpec().getEgress()).isEmpty();
    }

    private static boolean emptySelector(LabelSelector selector) {
        return selector == null || (map(selector.getMatchLabels()).isEmpty()
                && list(selector.getMatchExpressions()).isEmpty());
    }

    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        return selector != null && !emptySelector(selector) && ManifestNetwork.matches(selector, labels);
    }

    private static Set<String> backends(IngressRule rule) {
        Set<String> names = new TreeSet<>();
        if (rule.getHttp() != null) {
            for (HTTPIngressPath path : list(rule.getHttp().getPaths())) {
                if (path.getBackend() != null && path.getBackend().getService() != null) {
                    names.add(path.getBackend().getService().getName());
                }
            }
        }
        return names;
    }

    // ------------------------------------------------------------------ network isolation

    /** Pods outside the ChannelOps services that the isolation rule probes, with the labels the policies expect. */
    static final Pod INGRESS_CONTROLLER = Pod.in("ingress-nginx", "ingress controller",
            Map.of("app.kubernetes.io/name", "ingress-nginx"));
    static final Pod PROMETHEUS = Pod.in("monitoring", "Prometheus", Map.of("app.kubernetes.io/name", "prometheus"));
    static final Pod KUBE_DNS = Pod.in("kube-system", "cluster DNS", Map.of("k8s-app", "kube-dns"));
    static final Pod KAFKA_BROKER = Pod.in(NAMESPACE, "Kafka", Map.of("strimzi.io/cluster", "channelops",
            "strimzi.io/kind", "Kafka", "strimzi.io/name", "channelops-kafka", "strimzi.io/broker-role", "true"));
    static final Pod MYSQL = Pod.in(NAMESPACE, "MySQL", Map.of("app.kubernetes.io/name", "mysql",
            "app.kubernetes.io/component", "database"));
    static final Pod STRANGER_OUTSIDE = Pod.in("elsewhere", "a pod of another namespace",
            Map.of("app.kubernetes.io/name", "anything"));
    static final Pod STRANGER_INSIDE = Pod.in(NAMESPACE, "an unlabelled pod of the namespace", Map.of());

    /**
     * Who may reach whom, evaluated over the NetworkPolicies: a service is reached by its callers only (the gateway
     * for every service, order-service for sales and finance, every service for identity-service), by the ingress
     * controller for the gateway and identity-service, and by Prometheus; it reaches DNS, identity-service, the
     * services it calls and, when it has them, its MySQL and Kafka; nothing else.
     *
     * @param callees the services each service calls ({@link ManifestFacts#callees(String)})
     * @param usesKafka services that read KAFKA_BOOTSTRAP_SERVERS
     * @param usesDatabase services that read DB_URL
     */
    static List<ManifestViolation> networkIsolation(ManifestSet set, Map<String, Integer> ports,
            Map<String, Set<String>> callees, Set<String> usesKafka, Set<String> usesDatabase) {
        List<ManifestViolation> out = new ArrayList<>();
        ManifestNetwork network = new ManifestNetwork(NAMESPACE, set.all(NetworkPolicy.class));
        Map<String, Pod> pods = new LinkedHashMap<>();
        for (String service : ports.keySet()) {
            set.deployment(service).ifPresent(d -> pods.put(service, servicePod(d)));
        }
        for (var to : pods.entrySet()) {
            int port = ports.get(to.getKey());
            String target = to.getKey() + ":" + port;
            for (var from : pods.entrySet()) {
                boolean expected = callees.getOrDefault(from.getKey(), Set.of()).contains(to.getKey());
                boolean admits = network.ingressAllows(from.getValue(), to.getValue(), port);
                boolean sends = network.egressAllows(from.getValue(), to.getValue(), port);
                if (expected && !(admits && sends)) {
                    out.add(missing(from.getKey(), target));
                }
                if (!expected && admits) {
                    out.add(admitsUnexpected(target, from.getKey()));
                }
                if (!expected && sends) {
                    out.add(sendsUnexpected(from.getKey(), target));
                }
            }
            boolean exposed = to.getKey().equals(ManifestFacts.GATEWAY) || to.getKey().equals(ManifestFacts.IDENTITY);
            // pods that are not ours: only the target's ingress counts, their own egress is not ours to rely on
            for (var source : Map.of(INGRESS_CONTROLLER, exposed, PROMETHEUS, true, STRANGER_OUTSIDE, false,
                    STRANGER_INSIDE, false).entrySet()) {
                boolean admits = network.ingressAllows(source.getKey(), to.getValue(), port);
                if (source.getValue() && !admits) {
                    out.add(missing(source.getKey().name(), target));
                } else if (!source.getValue() && admits) {
                    out.add(admitsUnexpected(target, source.getKey().name()));
                }
            }
        }
        for (var from : pods.entrySet()) {
            String service = from.getKey();
            expectEgress(out, network, from.getValue(), KUBE_DNS, 53, true);
            expectEgress(out, network, from.getValue(), KAFKA_BROKER, 9092, usesKafka.contains(service));
            expectEgress(out, network, from.getValue(), MYSQL, 3306, usesDatabase.contains(service));
            for (Pod stranger : List.of(STRANGER_OUTSIDE, STRANGER_INSIDE)) {
                for (int port : List.of(80, 443, 3306, 9092)) {
                    expectEgress(out, network, from.getValue(), stranger, port, false);
                }
            }
        }
        // address blocks (addresses outside the cluster) only for the external database
        for (NetworkPolicy policy : set.all(NetworkPolicy.class)) {
            if (!pods.values().stream().anyMatch(p -> ManifestNetwork.matches(policy.getSpec().getPodSelector(),
                    p.labels()))) {
                continue;
            }
            for (var rule : list(policy.getSpec().getEgress())) {
                boolean toAddresses = list(rule.getTo()).stream().anyMatch(peer -> peer.getIpBlock() != null);
                boolean databaseOnly = !list(rule.getPorts()).isEmpty() && list(rule.getPorts()).stream()
                        .allMatch(p -> p.getPort() != null && Objects.equals(p.getPort().getIntVal(), 3306));
                if (toAddresses && !databaseOnly) {
                    out.add(new ManifestViolation(ManifestSet.id(policy), "network.address-block",
                            "an egress rule to an address block must be limited to the database port 3306"));
                }
            }
        }
        return out;
    }

    private static void expectEgress(List<ManifestViolation> out, ManifestNetwork network, Pod from, Pod to,
            int port, boolean expected) {
        boolean sends = network.egressAllows(from, to, port);
        if (expected && !sends) {
            out.add(missing(from.name(), to.name() + ":" + port));
        } else if (!expected && sends) {
            out.add(sendsUnexpected(from.name(), to.name() + ":" + port));
        }
    }

    private static ManifestViolation missing(String from, String to) {
        return new ManifestViolation("NetworkPolicy", "network.missing-path", from + " cannot reach " + to);
    }

    private static ManifestViolation admitsUnexpected(String to, String from) {
        return new ManifestViolation("NetworkPolicy", "network.unexpected-ingress", to + " admits " + from);
    }

    private static ManifestViolation sendsUnexpected(String from, String to) {
        return new ManifestViolation("NetworkPolicy", "network.unexpected-egress", from + " may send to " + to);
    }

    static Pod servicePod(Deployment deployment) {
        PodTemplateSpec template = deployment.getSpec().getTemplate();
        Map<String, Integer> ports = new LinkedHashMap<>();
        list(template.getSpec().getContainers()).forEach(c -> ports.putAll(namedPorts(c)));
        return Pod.in(NAMESPACE, deployment.getMetadata().getName(), map(template.getMetadata().getLabels()))
                .withPorts(ports);
    }

    // ------------------------------------------------------------------ Kafka (Strimzi)

    /**
     * The Strimzi resources hang together: the Kafka cluster runs in KRaft mode with listeners, node pools of it hold
     * both the controller and the broker role, its replication settings fit its brokers, the services'
     * KAFKA_BOOTSTRAP_SERVERS names its bootstrap Service, and its listener admits exactly the services that use Kafka.
     */
    static List<ManifestViolation> strimzi(ManifestSet set, Set<String> usesKafka) {
        List<ManifestViolation> out = new ArrayList<>();
        List<Kafka> clusters = set.all(Kafka.class);
        if (clusters.isEmpty()) {
            out.add(new ManifestViolation("Kafka", "kafka.missing", "no Kafka resource"));
        }
        Set<String> bootstraps = new TreeSet<>();
        for (Kafka kafka : clusters) {
            String id = ManifestSet.id(kafka);
            String name = kafka.getMetadata().getName();
            if (kafka.getSpec() == null || kafka.getSpec().getKafka() == null) {
                out.add(new ManifestViolation(id, "kafka.spec", "spec.kafka is required"));
                continue;
            }
            if (kafka.getSpec().getZookeeper() != null) {
                out.add(new ManifestViolation(id, "kafka.kraft", "must run in KRaft mode, without ZooKeeper"));
            }
            List<GenericKafkaListener> listeners = list(kafka.getSpec().getKafka().getListeners());
            if (listeners.isEmpty()) {
                out.add(new ManifestViolation(id, "kafka.listeners", "spec.kafka.listeners is required"));
            }
            List<KafkaNodePool> pools = set.all(KafkaNodePool.class).stream()
                    .filter(p -> name.equals(label(p, "strimzi.io/cluster"))).toList();
            int brokers = pools.stream().filter(p -> list(p.getSpec().getRoles()).contains(ProcessRoles.BROKER))
                    .mapToInt(p -> p.getSpec().getReplicas()).sum();
            int controllers = pools.stream()
                    .filter(p -> list(p.getSpec().getRoles()).contains(ProcessRoles.CONTROLLER))
                    .mapToInt(p -> p.getSpec().getReplicas()).sum();
            if (brokers < 1 || controllers < 1) {
                out.add(new ManifestViolation(id, "kafka.node-pools", "its KafkaNodePools (label strimzi.io/cluster="
                        + name + ") must give it at least one broker and one controller (have " + brokers + ", "
                        + controllers + ")"));
            }
            Map<String, Object> config = map(kafka.getSpec().getKafka().getConfig());
            for (String key : List.of("default.replication.factor", "min.insync.replicas",
                    "offsets.topic.replication.factor", "transaction.state.log.replication.factor",
                    "transaction.state.log.min.isr")) {
                Integer value = integer(config.get(key));
                if (value == null || value < 1 || value > Math.max(brokers, 1)) {
                    out.add(new ManifestViolation(id, "kafka.replication", key + " is " + config.get(key)
                            + "; it must be set and between 1 and the " + brokers + " broker(s)"));
                }
            }
            for (GenericKafkaListener listener : listeners) {
                bootstraps.add(name + "-kafka-bootstrap:" + listener.getPort());
                ManifestNetwork network = new ManifestNetwork(NAMESPACE, List.of());
                List<NetworkPolicyPeer> peers = list(listener.getNetworkPolicyPeers());
                for (Deployment d : set.deployments()) {
                    String service = d.getMetadata().getName();
                    boolean admitted = network.peersAllow(peers, servicePod(d));
                    boolean expected = usesKafka.contains(service);
                    if (admitted != expected) {
                        out.add(new ManifestViolation(id, "kafka.listener-peers", "listener " + listener.getName()
                                + (admitted ? " admits " : " does not admit ") + service));
                    }
                }
            }
        }
        for (KafkaNodePool pool : set.all(KafkaNodePool.class)) {
            String id = ManifestSet.id(pool);
            String cluster = label(pool, "strimzi.io/cluster");
            if (clusters.stream().noneMatch(k -> k.getMetadata().getName().equals(cluster))) {
                out.add(new ManifestViolation(id, "node-pool.cluster", "label strimzi.io/cluster=" + cluster
                        + " names no Kafka resource"));
            }
            if (pool.getSpec() == null || pool.getSpec().getReplicas() < 1 || pool.getSpec().getStorage() == null
                    || list(pool.getSpec().getRoles()).isEmpty()) {
                out.add(new ManifestViolation(id, "node-pool.spec", "replicas >= 1, roles and storage are required"));
            }
        }
        for (Deployment d : set.deployments()) {
            String value = environment(set, d).get("KAFKA_BOOTSTRAP_SERVERS");
            if (value != null && !bootstraps.contains(value)) {
                out.add(new ManifestViolation(ManifestSet.id(d), "kafka.bootstrap", "KAFKA_BOOTSTRAP_SERVERS="
                        + value + " is none of the Kafka bootstrap addresses " + bootstraps));
            }
        }
        return out;
    }

    /**
     * Every topic (and its dead-letter companion) has a KafkaTopic of an existing cluster, with partitions, replicas
     * the cluster can hold and a retention; no KafkaTopic is missing from docs/events.md.
     */
    static List<ManifestViolation> topics(ManifestSet set, Set<String> expected) {
        List<ManifestViolation> out = new ArrayList<>();
        Map<String, KafkaTopic> byTopic = new LinkedHashMap<>();
        for (KafkaTopic topic : set.all(KafkaTopic.class)) {
            String name = topic.getSpec() != null && topic.getSpec().getTopicName() != null
                    ? topic.getSpec().getTopicName() : topic.getMetadata().getName();
            byTopic.put(name, topic);
        }
        for (String topic : expected) {
            if (!byTopic.containsKey(topic)) {
                out.add(new ManifestViolation("KafkaTopic/" + topic, "topic.missing", "no KafkaTopic for " + topic));
            }
        }
        for (var entry : byTopic.entrySet()) {
            KafkaTopic topic = entry.getValue();
            String id = ManifestSet.id(topic);
            if (!expected.contains(entry.getKey())) {
                out.add(new ManifestViolation(id, "topic.undocumented", entry.getKey()
                        + " is not a topic of docs/events.md (nor its .dlt)"));
            }
            String cluster = label(topic, "strimzi.io/cluster");
            Optional<Kafka> kafka = set.named(Kafka.class, cluster == null ? "" : cluster);
            if (kafka.isEmpty()) {
                out.add(new ManifestViolation(id, "topic.cluster", "label strimzi.io/cluster=" + cluster
                        + " names no Kafka resource"));
            }
            int brokers = set.all(KafkaNodePool.class).stream()
                    .filter(p -> Objects.equals(cluster, label(p, "strimzi.io/cluster")))
                    .filter(p -> list(p.getSpec().getRoles()).contains(ProcessRoles.BROKER))
                    .mapToInt(p -> p.getSpec().getReplicas()).sum();
            var spec = topic.getSpec();
            if (spec == null || spec.getPartitions() == null || spec.getPartitions() < 1) {
                out.add(new ManifestViolation(id, "topic.partitions", "spec.partitions must be set and >= 1"));
            }
            Integer replicas = spec == null ? null : spec.getReplicas();
            if (replicas == null || replicas < 1 || replicas > brokers) {
                out.add(new ManifestViolation(id, "topic.replicas", "spec.replicas is " + replicas
                        + "; it must be set and between 1 and the " + brokers + " broker(s) of its cluster"));
            }
            Map<String, Object> config = spec == null ? Map.of() : map(spec.getConfig());
            if (!config.containsKey("retention.ms") && !config.containsKey("retention.bytes")) {
                out.add(new ManifestViolation(id, "topic.retention", "spec.config needs a retention (retention.ms)"));
            }
            Integer minIsr = integer(config.get("min.insync.replicas"));
            if (minIsr != null && replicas != null && minIsr > replicas) {
                out.add(new ManifestViolation(id, "topic.min-isr", "min.insync.replicas " + minIsr
                        + " is over its " + replicas + " replicas: every write would fail"));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ environment, URLs, secrets

    /** The environment of a Deployment's first container: env values, and the data of the ConfigMaps of envFrom. */
    static Map<String, String> environment(ManifestSet set, Deployment deployment) {
        Map<String, String> env = new LinkedHashMap<>();
        Container c = list(deployment.getSpec().getTemplate().getSpec().getContainers()).stream().findFirst()
                .orElse(null);
        if (c == null) {
            return env;
        }
        for (EnvFromSource from : list(c.getEnvFrom())) {
            if (from.getConfigMapRef() != null) {
                set.configMap(from.getConfigMapRef().getName())
                        .ifPresent(cm -> map(cm.getData()).forEach((k, v) -> env.put(prefix(from) + k, v)));
            }
        }
        for (EnvVar var : list(c.getEnv())) {
            env.put(var.getName(), var.getValue() != null ? var.getValue() : "<from " + describe(var) + ">");
        }
        return env;
    }

    private static String prefix(EnvFromSource from) {
        return from.getPrefix() == null ? "" : from.getPrefix();
    }

    private static String describe(EnvVar var) {
        if (var.getValueFrom() == null) {
            return "nothing";
        }
        SecretKeySelector secret = var.getValueFrom().getSecretKeyRef();
        return secret != null ? "Secret " + secret.getName() + "/" + secret.getKey() : "a reference";
    }

    /**
     * Each service's Deployment sets every variable it needs ({@link ManifestFacts#requiredEnvironment(String)}),
     * from ConfigMaps that exist; credentials come from Secrets; SERVER_PORT is the container's port; every in-cluster
     * URL names an existing Service and one of its ports, with the right path for the OAuth2 endpoints.
     */
    static List<ManifestViolation> environment(ManifestSet set, Map<String, Set<String>> required) {
        List<ManifestViolation> out = new ArrayList<>();
        for (var entry : required.entrySet()) {
            Optional<Deployment> found = set.deployment(entry.getKey());
            if (found.isEmpty()) {
                out.add(new ManifestViolation("Deployment/" + entry.getKey(), "coverage.deployment",
                        "no Deployment " + entry.getKey()));
                continue;
            }
            Deployment d = found.get();
            String id = ManifestSet.id(d);
            Container c = list(d.getSpec().getTemplate().getSpec().getContainers()).stream().findFirst().orElseThrow();
            for (EnvFromSource from : list(c.getEnvFrom())) {
                if (from.getConfigMapRef() != null && set.configMap(from.getConfigMapRef().getName()).isEmpty()) {
                    out.add(new ManifestViolation(id, "env.config-map-missing", "envFrom names ConfigMap "
                            + from.getConfigMapRef().getName() + ", which is not part of the manifests"));
                }
            }
            Map<String, String> env = environment(set, d);
            for (String name : entry.getValue()) {
                if (!env.containsKey(name)) {
                    out.add(new ManifestViolation(id, "env.missing", name + " is not set (" + entry.getKey()
                            + " reads it and its default does not work in a cluster)"));
                }
            }
            for (String credential : ManifestFacts.CREDENTIALS) {
                if (!env.containsKey(credential)) {
                    continue;
                }
                boolean fromSecret = list(c.getEnv()).stream().anyMatch(v -> v.getName().equals(credential)
                        && v.getValueFrom() != null && v.getValueFrom().getSecretKeyRef() != null);
                if (!fromSecret) {
                    out.add(new ManifestViolation(id, "env.credential-not-secret", credential
                            + " must come from a Secret (secretKeyRef), not a literal or a ConfigMap"));
                }
            }
            String serverPort = env.get("SERVER_PORT");
            if (serverPort != null && list(c.getPorts()).stream()
                    .noneMatch(p -> String.valueOf(p.getContainerPort()).equals(serverPort))) {
                out.add(new ManifestViolation(id, "env.server-port", "SERVER_PORT=" + serverPort
                        + " is not a port of the container"));
            }
            for (var variable : env.entrySet()) {
                String name = variable.getKey();
                if ((name.endsWith("_URL") || name.endsWith("_URI")) && !name.equals("ISSUER_URL")
                        && !name.equals("DB_URL")) {
                    checkServiceUrl(out, set, id, name, variable.getValue());
                }
            }
        }
        return out;
    }

    private static void checkServiceUrl(List<ManifestViolation> out, ManifestSet set, String id, String name,
            String value) {
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            out.add(new ManifestViolation(id, "env.url-target", name + "=" + value + " is not a URL"));
            return;
        }
        if (uri.getHost() == null || uri.getHost().contains(".")) {
            return; // not an in-cluster short name (an external URL is another rule's business)
        }
        Optional<Service> service = set.named(Service.class, uri.getHost());
        boolean port = service.isPresent() && list(service.get().getSpec().getPorts()).stream()
                .anyMatch(p -> Objects.equals(p.getPort(), uri.getPort()));
        if (!port) {
            out.add(new ManifestViolation(id, "env.url-target", name + "=" + value + " names no Service "
                    + uri.getHost() + " with port " + uri.getPort()));
        }
        String path = switch (name) {
            case "JWKS_URI" -> "/oauth2/jwks";
            case "TOKEN_URI" -> "/oauth2/token";
            default -> null;
        };
        if (path != null && !(uri.getHost().equals(ManifestFacts.IDENTITY) && path.equals(uri.getPath()))) {
            out.add(new ManifestViolation(id, "env.url-target", name + "=" + value + " must be identity-service's "
                    + path));
        }
    }

    /**
     * ISSUER_URL is the same for every service; where the overlay is public, it is an https:// URL whose host the
     * Ingress routes to identity-service (tokens carry it as {@code iss}: browsers and clients must reach it).
     */
    static List<ManifestViolation> issuer(ManifestSet set, boolean publicHttps) {
        List<ManifestViolation> out = new ArrayList<>();
        Set<String> issuers = new TreeSet<>();
        for (Deployment d : set.deployments()) {
            String issuer = environment(set, d).get("ISSUER_URL");
            if (issuer != null) {
                issuers.add(issuer);
            }
        }
        if (issuers.size() > 1) {
            out.add(new ManifestViolation("ConfigMap", "issuer.same", "the services disagree on ISSUER_URL: "
                    + issuers));
        }
        if (publicHttps) {
            Set<String> identityHosts = new TreeSet<>();
            for (Ingress ingress : set.all(Ingress.class)) {
                for (IngressRule rule : list(ingress.getSpec().getRules())) {
                    if (backends(rule).contains(ManifestFacts.IDENTITY) && rule.getHost() != null) {
                        identityHosts.add(rule.getHost());
                    }
                }
            }
            for (String issuer : issuers) {
                URI uri = URI.create(issuer);
                if (!"https".equals(uri.getScheme()) || !identityHosts.contains(uri.getHost())) {
                    out.add(new ManifestViolation("ConfigMap", "issuer.public", "ISSUER_URL=" + issuer
                            + " must be https:// on a host the Ingress routes to identity-service " + identityHosts));
                }
            }
        }
        return out;
    }

    /**
     * No Secret is part of the manifests, unless demo secrets are allowed (the local overlay): then every Secret is
     * marked as a local demo one, and every secret a pod references is there with the key it reads.
     */
    static List<ManifestViolation> secrets(ManifestSet set, boolean localDemoSecrets) {
        List<ManifestViolation> out = new ArrayList<>();
        for (Secret secret : set.all(Secret.class)) {
            if (!localDemoSecrets) {
                out.add(new ManifestViolation(ManifestSet.id(secret), "secret.committed", "Secrets are referenced, "
                        + "never part of these manifests (create them in the cluster: docs/runbook.md)"));
            } else if (!"true".equals(label(secret, LOCAL_DEMO_LABEL))) {
                out.add(new ManifestViolation(ManifestSet.id(secret), "secret.unmarked", "a generated demo secret "
                        + "must carry the label " + LOCAL_DEMO_LABEL + "=true"));
            }
        }
        if (localDemoSecrets) {
            List<PodSpec> pods = new ArrayList<>();
            set.deployments().forEach(d -> pods.add(d.getSpec().getTemplate().getSpec()));
            set.all(StatefulSet.class).forEach(s -> pods.add(s.getSpec().getTemplate().getSpec()));
            for (PodSpec pod : pods) {
                for (Container c : list(pod.getContainers())) {
                    for (EnvVar var : list(c.getEnv())) {
                        SecretKeySelector ref = var.getValueFrom() == null ? null
                                : var.getValueFrom().getSecretKeyRef();
                        if (ref != null && set.secret(ref.getName()).map(s -> !map(s.getData()).containsKey(
                                ref.getKey()) && !map(s.getStringData()).containsKey(ref.getKey())).orElse(true)) {
                            out.add(new ManifestViolation("Secret/" + ref.getName(), "secret.unresolved",
                                    c.getName() + " reads key " + ref.getKey() + " of a Secret that does not have it"));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** At least {@code min} replicas of every Deployment, also as the autoscaler's floor. */
    static List<ManifestViolation> replicas(ManifestSet set, int min) {
        List<ManifestViolation> out = new ArrayList<>();
        for (Deployment d : set.deployments()) {
            Integer replicas = d.getSpec().getReplicas();
            if (replicas == null || replicas < min) {
                out.add(new ManifestViolation(ManifestSet.id(d), "replicas.deployment", "replicas is " + replicas
                        + ", at least " + min + " needed"));
            }
        }
        for (HorizontalPodAutoscaler hpa : set.all(HorizontalPodAutoscaler.class)) {
            Integer floor = hpa.getSpec().getMinReplicas();
            if (floor == null || floor < min) {
                out.add(new ManifestViolation(ManifestSet.id(hpa), "replicas.hpa", "minReplicas is " + floor
                        + ", at least " + min + " needed"));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ helpers

    static Map<String, Integer> namedPorts(Container c) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (ContainerPort port : list(c.getPorts())) {
            if (port.getName() != null) {
                ports.put(port.getName(), port.getContainerPort());
            }
            ports.put(String.valueOf(port.getContainerPort()), port.getContainerPort());
        }
        return ports;
    }

    private static IntOrString targetPort(ServicePort port) {
        return port.getTargetPort() != null ? port.getTargetPort() : new IntOrString(port.getPort());
    }

    /** The number a port reference (number or name) stands for among the container's ports, or null. */
    private static Integer resolve(IntOrString port, Map<String, Integer> ports) {
        if (port == null) {
            return null;
        }
        return port.getIntVal() != null ? ports.get(String.valueOf(port.getIntVal())) : ports.get(port.getStrVal());
    }

    private static BigDecimal amount(Quantity quantity) {
        return quantity.getNumericalAmount();
    }

    private static Integer integer(Object value) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        if (value instanceof String s && s.matches("\\d+")) {
            return Integer.parseInt(s);
        }
        return null;
    }

    static String label(HasMetadata object, String key) {
        return object.getMetadata().getLabels() == null ? null : object.getMetadata().getLabels().get(key);
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static <T> List<T> list(List<T> items) {
        return items == null ? List.of() : items;
    }

    private static <K, V> Map<K, V> map(Map<K, V> items) {
        return items == null ? Map.of() : items;
    }
}

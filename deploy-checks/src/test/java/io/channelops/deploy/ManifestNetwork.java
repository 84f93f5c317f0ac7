package io.channelops.deploy;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;

/**
 * Evaluates NetworkPolicies the way Kubernetes does, for pods described by their labels: a pod selected by no policy
 * of a direction is open in that direction; a pod selected by at least one is reachable (or may send) only where one
 * of those policies' rules allows it. Address blocks stand for addresses outside the cluster: they match no pod,
 * except {@code 0.0.0.0/0} (and {@code ::/0}), which matches everything.
 */
final class ManifestNetwork {

    /** A pod: its namespace, the namespace's labels, its own labels and the named ports it declares. */
    record Pod(String name, String namespace, Map<String, String> namespaceLabels, Map<String, String> labels,
            Map<String, Integer> namedPorts) {

        static Pod in(String namespace, String name, Map<String, String> labels) {
            return new Pod(name, namespace, Map.of("kubernetes.io/metadata.name", namespace), labels, Map.of());
        }

        Pod withPorts(Map<String, Integer> ports) {
            return new Pod(name, namespace, namespaceLabels, labels, ports);
        }
    }

    private final String namespace;
    private final List<NetworkPolicy> policies;

    ManifestNetwork(String namespace, List<NetworkPolicy> policies) {
        this.namespace = namespace;
        this.policies = List.copyOf(policies);
    }

    /** Whether {@code from} may open a TCP connection to {@code to} on {@code port}: egress and ingress both allow it. */
    boolean allows(Pod from, Pod to, int port) {
        return egressAllows(from, to, port) && ingressAllows(from, to, port);
    }

    boolean egressAllows(Pod from, Pod to, int port) {
        if (!from.namespace().equals(namespace)) {
            return true;
        }
        List<NetworkPolicy> selecting = policies.stream()
                .filter(p -> types(p).contains("Egress") && matches(p.getSpec().getPodSelector(), from.labels()))
                .toList();
        if (selecting.isEmpty()) {
            return true;
        }
        return selecting.stream().flatMap(p -> list(p.getSpec().getEgress()).stream())
                .anyMatch(rule -> peersAllow(rule.getTo(), to) && portsAllow(rule.getPorts(), to, port));
    }

    boolean ingressAllows(Pod from, Pod to, int port) {
        if (!to.namespace().equals(namespace)) {
            return true;
        }
        List<NetworkPolicy> selecting = policies.stream()
                .filter(p -> types(p).contains("Ingress") && matches(p.getSpec().getPodSelector(), to.labels()))
                .toList();
        if (selecting.isEmpty()) {
            return true;
        }
        return selecting.stream().flatMap(p -> list(p.getSpec().getIngress()).stream())
                .anyMatch(rule -> peersAllow(rule.getFrom(), from) && portsAllow(rule.getPorts(), to, port));
    }

    /** The policy types: as declared, else Ingress, plus Egress when it has egress rules. */
    static List<String> types(NetworkPolicy policy) {
        List<String> declared = policy.getSpec().getPolicyTypes();
        if (declared != null && !declared.isEmpty()) {
            return declared;
        }
        return policy.getSpec().getEgress() == null || policy.getSpec().getEgress().isEmpty()
                ? List.of("Ingress") : List.of("Ingress", "Egress");
    }

    private static <T> List<T> list(List<T> items) {
        return items == null ? List.of() : items;
    }

    /** Whether a list of peers (a rule's from/to, a Strimzi listener's networkPolicyPeers) admits the pod. */
    boolean peersAllow(List<NetworkPolicyPeer> peers, Pod pod) {
        return peers == null || peers.isEmpty() || peers.stream().anyMatch(peer -> peerMatches(peer, pod));
    }

    private boolean peerMatches(NetworkPolicyPeer peer, Pod pod) {
        if (peer.getIpBlock() != null) {
            String cidr = peer.getIpBlock().getCidr();
            return cidr.endsWith("/0");
        }
        if (peer.getNamespaceSelector() == null) {
            if (!pod.namespace().equals(namespace)) {
                return false;
            }
        } else if (!matches(peer.getNamespaceSelector(), pod.namespaceLabels())) {
            return false;
        }
        return peer.getPodSelector() == null || matches(peer.getPodSelector(), pod.labels());
    }

    private static boolean portsAllow(List<NetworkPolicyPort> ports, Pod to, int port) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        return ports.stream().anyMatch(p -> {
            String protocol = p.getProtocol() == null ? "TCP" : p.getProtocol();
            if (!protocol.equals("TCP")) {
                return false;
            }
            IntOrString declared = p.getPort();
            if (declared == null) {
                return true;
            }
            if (declared.getIntVal() != null) {
                int end = p.getEndPort() == null ? declared.getIntVal() : p.getEndPort();
                return port >= declared.getIntVal() && port <= end;
            }
            Integer named = to.namedPorts().get(declared.getStrVal());
            return named != null && named == port;
        });
    }

    /** Whether the labels satisfy the selector (an empty selector selects everything). */
    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        if (selector.getMatchLabels() != null) {
            for (var entry : selector.getMatchLabels().entrySet()) {
                if (!entry.getValue().equals(labels.get(entry.getKey()))) {
                    return false;
                }
            }
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement requirement : selector.getMatchExpressions()) {
                String value = labels.get(requirement.getKey());
                List<String> values = requirement.getValues() == null ? List.of() : requirement.getValues();
                boolean ok = switch (requirement.getOperator()) {
                    case "In" -> value != null && values.contains(value);
                    case "NotIn" -> value == null || !values.contains(value);
                    case "Exists" -> value != null;
                    case "DoesNotExist" -> value == null;
                    default -> throw new IllegalArgumentException("unknown selector operator "
                            + requirement.getOperator());
                };
                if (!ok) {
                    return false;
                }
            }
        }
        return true;
    }
}

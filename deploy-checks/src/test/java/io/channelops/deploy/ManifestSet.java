package io.channelops.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Optional;

/**
 * The typed objects of one rendered overlay (or of a test fixture).
 *
 * @param source where they come from, for messages: {@code overlays/production}, a fixture's file name
 */
record ManifestSet(String source, List<HasMetadata> objects) {

    ManifestSet {
        objects = List.copyOf(objects);
    }

    /** The objects of a fixture under src/test/resources/manifests/. */
    static ManifestSet fixture(String name) {
        return ManifestModel.read(name, KustomizeRender.fixture(name));
    }

    /** The objects of the overlay k8s/overlays/{@code name}, rendered by kubectl kustomize. */
    static ManifestSet overlay(String name) {
        return ManifestModel.read("overlays/" + name, KustomizeRender.overlay(name));
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> named(Class<T> type, String name) {
        return all(type).stream().filter(o -> name.equals(o.getMetadata().getName())).findFirst();
    }

    List<Deployment> deployments() {
        return all(Deployment.class);
    }

    Optional<Deployment> deployment(String name) {
        return named(Deployment.class, name);
    }

    Optional<ConfigMap> configMap(String name) {
        return named(ConfigMap.class, name);
    }

    Optional<Secret> secret(String name) {
        return named(Secret.class, name);
    }

    static String id(HasMetadata object) {
        return object.getKind() + "/" + object.getMetadata().getName();
    }
}

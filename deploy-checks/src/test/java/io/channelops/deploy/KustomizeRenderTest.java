package io.channelops.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every Kustomize overlay under k8s/overlays renders offline, with kubectl kustomize, to well-formed objects. */
class KustomizeRenderTest {

    /** Objects that live outside any namespace. */
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace");

    static List<String> overlays() {
        return KustomizeRender.overlays();
    }

    @Test
    void thereIsALocalAndAProductionOverlay() {
        assertThat(overlays()).contains("local", "production");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theOverlayRendersToObjectsWithKindAndName(String overlay) {
        List<Map<String, Object>> objects = KustomizeRender.overlay(overlay);

        assertThat(objects).as("objects rendered from overlays/%s", overlay).hasSizeGreaterThan(50);
        for (Map<String, Object> object : objects) {
            assertThat(object).as("an object of overlays/%s", overlay).containsKeys("apiVersion", "kind", "metadata");
            assertThat(metadata(object)).as(ManifestModel.describe(object)).containsKey("name");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyNamespacedObjectIsInTheChannelopsNamespace(String overlay) {
        for (Map<String, Object> object : KustomizeRender.overlay(overlay)) {
            if (!CLUSTER_SCOPED.contains(object.get("kind"))) {
                assertThat(metadata(object).get("namespace")).as(ManifestModel.describe(object))
                        .isEqualTo("channelops");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void noObjectIsRenderedTwice(String overlay) {
        Set<String> seen = new HashSet<>();
        for (Map<String, Object> object : KustomizeRender.overlay(overlay)) {
            assertThat(seen.add(object.get("apiVersion") + " " + ManifestModel.describe(object)))
                    .as("%s appears once in overlays/%s", ManifestModel.describe(object), overlay).isTrue();
        }
    }

    @Test
    void theBaseRendersOnItsOwnAndHoldsNoSecret() {
        List<Map<String, Object>> objects = KustomizeRender.render(KustomizeRender.repoRoot().resolve("k8s/base"));

        assertThat(objects).extracting(o -> o.get("kind")).contains("Namespace", "Deployment", "Kafka")
                .doesNotContain("Secret");
    }

    @Test
    void aMissingKubectlIsReportedWithWhatToInstall() {
        assertThatThrownBy(() -> KustomizeRender.kustomize("kubectl-that-is-not-installed", Path.of("k8s/base")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("kubectl-that-is-not-installed was not found on the PATH")
                .hasMessageContaining("install kubectl");
    }

    @Test
    void aBrokenKustomizationFailsWithKustomizesMessage() {
        Path missing = KustomizeRender.repoRoot().resolve("k8s/overlays/no-such-overlay");

        assertThatThrownBy(() -> KustomizeRender.kubectlKustomize(missing))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("kubectl kustomize " + missing + " failed");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metadata(Map<String, Object> object) {
        return (Map<String, Object>) object.get("metadata");
    }
}

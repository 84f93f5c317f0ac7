package io.channelops.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rendered object is valid against its schema, checked offline: the Kubernetes object model (fabric8) for the
 * built-in kinds, Strimzi's model for Kafka, KafkaNodePool and KafkaTopic, read strictly so that a misspelt field, a
 * value of the wrong type or an unknown apiVersion fails.
 */
class ManifestSchemaTest {

    static List<String> overlays() {
        return KustomizeRender.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyRenderedObjectMatchesItsSchema(String overlay) {
        List<Map<String, Object>> documents = KustomizeRender.overlay(overlay);

        assertThat(ManifestModel.schemaErrors(documents)).as("schema errors in overlays/%s", overlay).isEmpty();
        assertThat(ManifestSet.overlay(overlay).objects()).hasSameSizeAs(documents);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theStrimziResourcesAreReadByStrimzisModel(String overlay) {
        ManifestSet set = ManifestSet.overlay(overlay);

        assertThat(set.all(Kafka.class)).hasSize(1);
        assertThat(set.all(KafkaNodePool.class)).isNotEmpty();
        assertThat(set.all(KafkaTopic.class)).isNotEmpty();
    }

    @Test
    void aMisspeltFieldIsRejected() {
        assertThat(ManifestModel.schemaErrors(KustomizeRender.fixture("schema-misspelt-field.yaml")))
                .singleElement().asString()
                .contains("Deployment/sales-service", "apps/v1 Deployment", "readinesProbe");
    }

    @Test
    void aValueOfTheWrongTypeIsRejected() {
        assertThat(ManifestModel.schemaErrors(KustomizeRender.fixture("schema-wrong-type.yaml")))
                .singleElement().asString()
                .contains("Deployment/sales-service", "two", "replicas");
    }

    @Test
    void anApiVersionKubernetesNoLongerServesIsRejected() {
        assertThat(ManifestModel.schemaErrors(KustomizeRender.fixture("schema-unknown-api-version.yaml")))
                .singleElement().asString()
                .contains("HorizontalPodAutoscaler/sales-service", "no object model", "autoscaling/v2beta2");
    }

    @Test
    void aMisspeltStrimziFieldIsRejected() {
        assertThat(ManifestModel.schemaErrors(KustomizeRender.fixture("schema-misspelt-strimzi-field.yaml")))
                .singleElement().asString()
                .contains("KafkaTopic/sales.products", "partition");
    }
}

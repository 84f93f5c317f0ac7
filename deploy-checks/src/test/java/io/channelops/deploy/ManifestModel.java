package io.channelops.deploy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads rendered manifests into the Kubernetes object model (fabric8) and Strimzi's model, strictly: an unknown
 * {@code apiVersion}/{@code kind}, a misspelt field or a value of the wrong type is an error, as the API server would
 * reject it. fabric8's and Strimzi's classes keep unknown fields in an "additional properties" map; that escape hatch is
 * switched off here, so {@link DeserializationFeature#FAIL_ON_UNKNOWN_PROPERTIES} applies to every nested object.
 */
final class ManifestModel {

    /** The object model of each {@code apiVersion kind} these manifests may use. */
    static final Map<String, Class<? extends HasMetadata>> MODELS = Map.ofEntries(
            Map.entry("v1 Namespace", Namespace.class),
            Map.entry("v1 ConfigMap", ConfigMap.class),
            Map.entry("v1 Secret", Secret.class),
            Map.entry("v1 Service", Service.class),
            Map.entry("v1 ServiceAccount", ServiceAccount.class),
            Map.entry("apps/v1 Deployment", Deployment.class),
            Map.entry("apps/v1 StatefulSet", StatefulSet.class),
            Map.entry("policy/v1 PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2 HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1 NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1 Ingress", Ingress.class),
            Map.entry("kafka.strimzi.io/v1beta2 Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1beta2 KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1beta2 KafkaTopic", KafkaTopic.class));

    static final ObjectMapper STRICT = JsonMapper.builder()
            .annotationIntrospector(new StrictIntrospector())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private ManifestModel() {
    }

    /** One rendered document as its typed object; an {@link IllegalArgumentException} says what is wrong with it. */
    static HasMetadata typed(Map<String, Object> document) {
        String type = document.get("apiVersion") + " " + document.get("kind");
        Class<? extends HasMetadata> model = MODELS.get(type);
        if (model == null) {
            throw new IllegalArgumentException(describe(document) + ": no object model for apiVersion/kind '" + type
                    + "' (known: " + MODELS.keySet().stream().sorted().toList() + ")");
        }
        try {
            return STRICT.convertValue(document, model);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(describe(document) + " does not match the " + type + " schema: "
                    + e.getMessage(), e);
        }
    }

    /** Every document as its typed object, or the errors of those that are not valid. */
    static ManifestSet read(String source, List<Map<String, Object>> documents) {
        List<HasMetadata> objects = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Map<String, Object> document : documents) {
            try {
                objects.add(typed(document));
            } catch (IllegalArgumentException e) {
                errors.add(e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            throw new AssertionError(source + ": " + errors.size() + " object(s) do not match their schema:\n  "
                    + String.join("\n  ", errors));
        }
        return new ManifestSet(source, objects);
    }

    /** The errors of the documents that do not match their schema (empty when every one does). */
    static List<String> schemaErrors(List<Map<String, Object>> documents) {
        List<String> errors = new ArrayList<>();
        for (Map<String, Object> document : documents) {
            try {
                typed(document);
            } catch (IllegalArgumentException e) {
                errors.add(e.getMessage());
            }
        }
        return errors;
    }

    @SuppressWarnings("unchecked")
    static String describe(Map<String, Object> document) {
        Object metadata = document.get("metadata");
        Object name = metadata instanceof Map<?, ?> m ? ((Map<String, Object>) m).get("name") : null;
        return document.get("kind") + "/" + name;
    }

    /** Jackson's annotations, less the two ways the models accept fields they do not declare. */
    private static final class StrictIntrospector extends JacksonAnnotationIntrospector {

        @Override
        public Boolean hasAnySetter(Annotated a) {
            return Boolean.FALSE;
        }

        @Override
        @Deprecated
        public boolean hasAnySetterAnnotation(AnnotatedMethod am) {
            return false;
        }

        @Override
        public JsonIgnoreProperties.Value findPropertyIgnoralByName(MapperConfig<?> config, Annotated a) {
            JsonIgnoreProperties.Value value = super.findPropertyIgnoralByName(config, a);
            return value == null ? null : value.withoutIgnoreUnknown();
        }
    }
}

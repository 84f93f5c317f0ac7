package io.channelops.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every published event round-trips through JSON, and the event catalog (docs/events.md and
 * docs/asyncapi.yaml) lists it with its topic and exactly its payload fields.
 */
class EventCatalogTest {

    private static final Path DOCS = Path.of("..", "docs");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Stream<Class<?>> events() throws IOException {
        Path classes = Path.of("target", "classes");
        try (Stream<Path> files = Files.walk(classes)) {
            List<Class<?>> found = files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> classes.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .map(EventCatalogTest::load)
                    .filter(c -> c.isAnnotationPresent(Published.class))
                    .toList();
            assertThat(found).hasSizeGreaterThanOrEqualTo(11);
            return found.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("events")
    void roundTripsThroughJson(Class<?> event) throws Exception {
        Object sample = sample(event);
        String json = JSON.writeValueAsString(sample);
        assertThat(JSON.readValue(json, event)).isEqualTo(sample);
        assertThat(json).doesNotContain("aggregateId");
    }

    @ParameterizedTest
    @MethodSource("events")
    void isListedInTheEventCatalogWithItsTopic(Class<?> event) throws IOException {
        String catalog = Files.readString(DOCS.resolve("events.md"));
        Published published = event.getAnnotation(Published.class);
        assertThat(catalog).contains("### " + event.getSimpleName());
        assertThat(catalog).contains("**Topic:** `" + published.topic() + "`");
    }

    @ParameterizedTest
    @MethodSource("events")
    @SuppressWarnings("unchecked")
    void isDescribedInTheAsyncApiDocumentWithExactlyItsFields(Class<?> event) throws IOException {
        Map<String, Object> doc;
        try (InputStream in = Files.newInputStream(DOCS.resolve("asyncapi.yaml"))) {
            doc = new Yaml().load(in);
        }
        var messages = (Map<String, Object>) ((Map<String, Object>) doc.get("components")).get("messages");
        var message = (Map<String, Object>) messages.get(event.getSimpleName());
        assertThat(message).as("message " + event.getSimpleName()).isNotNull();
        var properties = (Map<String, Object>) ((Map<String, Object>) message.get("payload")).get("properties");
        assertThat(properties.keySet()).containsExactlyInAnyOrderElementsOf(
                Stream.of(event.getRecordComponents()).map(RecordComponent::getName).toList());
        var channels = (Map<String, Object>) doc.get("channels");
        String topic = event.getAnnotation(Published.class).topic();
        assertThat(channels.values()).anySatisfy(channel -> {
            var c = (Map<String, Object>) channel;
            assertThat(c.get("address")).isEqualTo(topic);
            assertThat((Map<String, Object>) c.get("messages")).containsKey(event.getSimpleName());
        });
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        }
        catch (ClassNotFoundException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** An instance with a distinct non-default value in every component. */
    private static Object sample(Class<?> type) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = value(components[i].getType(), components[i].getGenericType(), components[i].getName());
        }
        Constructor<?> constructor = type.getDeclaredConstructor(types);
        return constructor.newInstance(values);
    }

    private static Object value(Class<?> type, Type generic, String name) throws Exception {
        if (type == String.class) {
            return name + "-sample";
        }
        if (type == BigDecimal.class) {
            return new BigDecimal("1280.50");
        }
        if (type == Instant.class) {
            return Instant.parse("2026-11-22T08:05:00.123Z");
        }
        if (type == LocalDate.class) {
            return LocalDate.parse("2026-12-22");
        }
        if (type == long.class || type == Long.class) {
            return 42L;
        }
        if (type == int.class || type == Integer.class) {
            return 7;
        }
        if (type == boolean.class || type == Boolean.class) {
            return true;
        }
        if (type == List.class) {
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            return List.of(value((Class<?>) element, element, name));
        }
        if (type.isRecord()) {
            return sample(type);
        }
        throw new IllegalArgumentException("No sample for " + type + " in " + name);
    }
}

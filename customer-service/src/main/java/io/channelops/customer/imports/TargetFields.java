package io.channelops.customer.imports;

import java.time.temporal.Temporal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.introspect.BeanPropertyDefinition;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fields of a request type as Jackson reads them (names as they appear in JSON), and how a cell fills each: a
 * single value, a list of values separated by {@code ;}, or a JSON value for structured fields. Worked out from the
 * type itself, so fields added to the request later can be imported without changing the import.
 */
final class TargetFields {

    /** How a CSV cell becomes the field's JSON value. */
    enum Kind {
        /** the trimmed text, converted by Jackson (strings, numbers, booleans, enums, dates) */
        VALUE,
        /** several values separated by {@code ;}, each converted like a VALUE (lists and sets of those) */
        LIST,
        /** the cell is JSON (objects, maps, lists of objects) */
        JSON
    }

    private final Map<String, Kind> fields;

    private TargetFields(Map<String, Kind> fields) {
        this.fields = Collections.unmodifiableMap(fields);
    }

    static TargetFields of(JsonMapper json, Class<?> requestType) {
        JavaType type = json.constructType(requestType);
        Map<String, Kind> fields = new LinkedHashMap<>();
        for (BeanPropertyDefinition property : json._deserializationContext()
                .introspectBeanDescriptionForCreation(type).findProperties()) {
            if (property.couldDeserialize() || property.hasConstructorParameter()) {
                fields.put(property.getName(), kind(property.getPrimaryType()));
            }
        }
        return new TargetFields(fields);
    }

    private static Kind kind(JavaType type) {
        if (type.isArrayType() || type.isCollectionLikeType()) {
            JavaType content = type.getContentType();
            return content != null && simple(content) ? Kind.LIST : Kind.JSON;
        }
        return simple(type) ? Kind.VALUE : Kind.JSON;
    }

    private static boolean simple(JavaType type) {
        Class<?> raw = type.getRawClass();
        return raw.isPrimitive() || raw.isEnum() || CharSequence.class.isAssignableFrom(raw)
                || Number.class.isAssignableFrom(raw) || raw == Boolean.class || raw == Character.class
                || Temporal.class.isAssignableFrom(raw) || raw == UUID.class;
    }

    Set<String> names() {
        return fields.keySet();
    }

    boolean contains(String field) {
        return fields.containsKey(field);
    }

    Kind kind(String field) {
        Kind kind = fields.get(field);
        if (kind == null) {
            throw new IllegalArgumentException("No field " + field);
        }
        return kind;
    }
}

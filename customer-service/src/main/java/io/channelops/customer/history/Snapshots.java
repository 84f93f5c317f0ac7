package io.channelops.customer.history;

import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hibernate.envers.NotAudited;
import org.jspecify.annotations.Nullable;

/**
 * Turns an audited entity into a flat map of plain values (field name → value) and compares two of them. Generic:
 * fields of {@code @Entity}/{@code @MappedSuperclass} classes, less the id, the version and {@code @NotAudited} or
 * transient fields. Values: text, numbers and booleans as they are; enums by name; dates and times as ISO text;
 * an {@code @Embedded} value's fields at the top level (an owner's {@code ownerId}, {@code orgPath}); embeddables
 * inside collections as objects; lists in order, sets sorted; maps sorted by key and compared key by key
 * ({@code attributes.<key>}).
 */
public final class Snapshots {

    private Snapshots() {
    }

    /** One changed field: its value before and after (null when absent). */
    public record FieldChange(String field, @Nullable Object from, @Nullable Object to) {
    }

    /** The audited state of {@code entity}; an empty map for null. */
    public static Map<String, @Nullable Object> of(@Nullable Object entity, Set<String> ignored) {
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        if (entity == null) {
            return values;
        }
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> type = entity.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            if (type.isAnnotationPresent(Entity.class) || type.isAnnotationPresent(MappedSuperclass.class)) {
                hierarchy.addFirst(type);
            }
        }
        for (Class<?> type : hierarchy) {
            for (Field field : type.getDeclaredFields()) {
                if (!audited(field) || ignored.contains(field.getName())) {
                    continue;
                }
                Object value = read(field, entity);
                if (value != null && (field.isAnnotationPresent(Embedded.class)
                        || value.getClass().isAnnotationPresent(Embeddable.class))) {
                    embeddedFields(value).forEach((name, inner) -> {
                        if (!ignored.contains(name)) {
                            values.put(name, inner);
                        }
                    });
                } else {
                    values.put(field.getName(), plain(value));
                }
            }
        }
        return values;
    }

    /**
     * What differs from {@code before} to {@code after}, in field order; maps key by key as {@code field.key}.
     * Null and empty collections or maps count as the same (nothing).
     */
    @SuppressWarnings("unchecked")
    public static List<FieldChange> diff(Map<String, @Nullable Object> before, Map<String, @Nullable Object> after) {
        Set<String> fields = new java.util.LinkedHashSet<>(after.keySet());
        fields.addAll(before.keySet());
        List<FieldChange> changes = new ArrayList<>();
        for (String field : fields) {
            Object from = emptyAsNull(before.get(field));
            Object to = emptyAsNull(after.get(field));
            if (from instanceof Map || to instanceof Map) {
                Map<String, Object> fromMap = from instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
                Map<String, Object> toMap = to instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
                Set<String> keys = new TreeSet<>(fromMap.keySet());
                keys.addAll(toMap.keySet());
                for (String key : keys) {
                    if (!Objects.equals(fromMap.get(key), toMap.get(key))) {
                        changes.add(new FieldChange(field + "." + key, fromMap.get(key), toMap.get(key)));
                    }
                }
            } else if (!Objects.equals(from, to)) {
                changes.add(new FieldChange(field, from, to));
            }
        }
        return changes;
    }

    private static @Nullable Object emptyAsNull(@Nullable Object value) {
        if (value instanceof Collection<?> c && c.isEmpty() || value instanceof Map<?, ?> m && m.isEmpty()) {
            return null;
        }
        return value;
    }

    private static boolean audited(Field field) {
        int modifiers = field.getModifiers();
        return !Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers)
                && !field.isAnnotationPresent(Transient.class) && !field.isAnnotationPresent(NotAudited.class)
                && !field.isAnnotationPresent(Id.class) && !field.isAnnotationPresent(Version.class);
    }

    private static @Nullable Object read(Field field, Object target) {
        try {
            field.setAccessible(true);
            return field.get(target);
        } catch (IllegalAccessException | RuntimeException e) {
            throw new IllegalStateException("Cannot read " + field, e);
        }
    }

    private static Map<String, @Nullable Object> embeddedFields(Object value) {
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        for (Field field : value.getClass().getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers()) && !field.isAnnotationPresent(Transient.class)) {
                fields.put(field.getName(), plain(read(field, value)));
            }
        }
        return fields;
    }

    /** A value made of JSON-friendly types that compares by content. */
    static @Nullable Object plain(@Nullable Object value) {
        return switch (value) {
            case null -> null;
            case String s -> s;
            case Number n -> n instanceof java.math.BigDecimal d ? d.stripTrailingZeros().toPlainString() : n;
            case Boolean b -> b;
            case Enum<?> e -> e.name();
            case TemporalAccessor t -> t.toString();
            case List<?> list -> list.stream().map(Snapshots::plain).toList();
            case Collection<?> set -> set.stream().map(Snapshots::plain)
                    .sorted(Comparator.comparing(String::valueOf)).toList();
            case Map<?, ?> map -> {
                Map<String, @Nullable Object> sorted = new TreeMap<>();
                map.forEach((k, v) -> sorted.put(String.valueOf(k), plain(v)));
                yield sorted;
            }
            default -> value.getClass().isAnnotationPresent(Embeddable.class) ? embeddedFields(value)
                    : value.toString();
        };
    }
}

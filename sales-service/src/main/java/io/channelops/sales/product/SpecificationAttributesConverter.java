package io.channelops.sales.product;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stores a product's specification attributes as a JSON object in one text column (NULL when there are none). */
@Converter
class SpecificationAttributesConverter implements AttributeConverter<Map<String, String>, String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
    };

    @Override
    public @Nullable String convertToDatabaseColumn(@Nullable Map<String, String> attributes) {
        return attributes == null || attributes.isEmpty() ? null : JSON.writeValueAsString(attributes);
    }

    @Override
    public Map<String, String> convertToEntityAttribute(@Nullable String column) {
        return column == null || column.isBlank() ? Map.of() : java.util.Collections.unmodifiableMap(JSON.readValue(column, MAP));
    }
}

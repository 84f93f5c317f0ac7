package io.channelops.sales.pricelist;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stores a line's quantity breaks as a JSON array in one text column: {@code [{"minQuantity":10,"price":95.00}]}. */
@Converter
class PriceBreaksConverter implements AttributeConverter<List<PriceBreak>, String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<PriceBreak>> LIST = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(@Nullable List<PriceBreak> breaks) {
        return breaks == null ? "[]" : JSON.writeValueAsString(breaks);
    }

    @Override
    public List<PriceBreak> convertToEntityAttribute(@Nullable String column) {
        return column == null || column.isBlank() ? List.of() : List.copyOf(JSON.readValue(column, LIST));
    }

    static List<PriceBreak> read(String column) {
        return new PriceBreaksConverter().convertToEntityAttribute(column);
    }
}

package io.channelops.customer.attribute.web;

import io.channelops.customer.attribute.AttributeDefinition;
import io.channelops.customer.attribute.AttributeType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A custom attribute definition. */
@Schema(example = """
        {"key": "sales_channel", "label": "Sales channel", "type": "CHOICE", "required": false,
         "options": ["online", "store", "wholesale"], "createdAt": "2026-03-01T08:00:00Z",
         "updatedAt": "2026-03-01T08:00:00Z", "version": 0}""")
public record AttributeDefinitionResponse(String key, String label, AttributeType type, boolean required,
        @Nullable Integer maxLength, @Nullable String pattern, @Nullable BigDecimal min, @Nullable BigDecimal max,
        List<String> options, Instant createdAt, Instant updatedAt, long version) {

    static AttributeDefinitionResponse of(AttributeDefinition d) {
        return new AttributeDefinitionResponse(d.key(), d.label(), d.type(), d.required(), d.maxLength(), d.pattern(),
                d.min(), d.max(), d.options(), d.createdAt(), d.updatedAt(), d.version());
    }
}

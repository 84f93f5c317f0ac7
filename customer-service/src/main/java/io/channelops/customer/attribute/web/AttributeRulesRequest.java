package io.channelops.customer.attribute.web;

import io.channelops.customer.attribute.AttributeDefinition;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Replaces the label, required flag and validation of an attribute (its key and type stay); an absent rule is
 * removed.
 */
@Schema(example = """
        {"label": "Sales channel", "required": true, "options": ["online", "store", "wholesale", "partner"]}""")
public record AttributeRulesRequest(
        @NotBlank @Size(max = 100) String label,
        @Nullable Boolean required,
        @Nullable Integer maxLength,
        @Nullable @Size(max = 500) String pattern,
        @Nullable BigDecimal min,
        @Nullable BigDecimal max,
        @Nullable @Size(max = 100) List<@NotBlank @Size(max = 100) String> options) {

    AttributeDefinition.Rules rules() {
        return new AttributeDefinition.Rules(label.strip(), Boolean.TRUE.equals(required), maxLength, pattern, min,
                max, options == null ? List.of() : options.stream().map(String::strip).toList());
    }
}

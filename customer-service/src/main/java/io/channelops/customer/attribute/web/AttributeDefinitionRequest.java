package io.channelops.customer.attribute.web;

import io.channelops.customer.attribute.AttributeDefinition;
import io.channelops.customer.attribute.AttributeType;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Defines a custom attribute of customers. */
@Schema(example = """
        {"key": "sales_channel", "label": "Sales channel", "type": "CHOICE", "required": false,
         "options": ["online", "store", "wholesale"]}""")
public record AttributeDefinitionRequest(
        @Schema(description = "Lower-case key, as used in a customer's attributes and in attr.<key> filters",
                example = "sales_channel")
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9_]{0,63}") String key,
        @NotBlank @Size(max = 100) String label,
        @NotNull AttributeType type,
        @Schema(description = "Every customer written after this must have a value (default false)")
        @Nullable Boolean required,
        @Schema(description = "TEXT only: longest value, 1 to 500 (default 500)") @Nullable Integer maxLength,
        @Schema(description = "TEXT only: a Java regular expression the whole value must match",
                example = "[A-Z]{2}-[0-9]{4}")
        @Nullable @Size(max = 500) String pattern,
        @Schema(description = "NUMBER only: smallest value") @Nullable BigDecimal min,
        @Schema(description = "NUMBER only: largest value") @Nullable BigDecimal max,
        @Schema(description = "CHOICE only (and required for it): the allowed values")
        @Nullable @Size(max = 100) List<@NotBlank @Size(max = 100) String> options) {

    AttributeDefinition.Rules rules() {
        return new AttributeDefinition.Rules(label.strip(), Boolean.TRUE.equals(required), maxLength, pattern, min,
                max, options == null ? List.of() : options.stream().map(String::strip).toList());
    }
}

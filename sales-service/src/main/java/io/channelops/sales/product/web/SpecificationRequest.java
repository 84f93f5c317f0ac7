package io.channelops.sales.product.web;

import io.channelops.sales.product.ProductSpecification;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A product's specification: free text and/or named attributes (at most 50; names 1–64 characters of letters,
 * digits, space and {@code . _ / -}; values up to 500 characters).
 */
@Schema(example = """
        {"text": "Cast iron housing, stainless impeller", "attributes": {"flow": "200 l/min", "head": "32 m"}}""")
public record SpecificationRequest(
        @Nullable @Size(max = ProductSpecification.MAX_TEXT_LENGTH) String text,
        @Nullable @Size(max = ProductSpecification.MAX_ATTRIBUTES) Map<
                @Size(min = 1, max = ProductSpecification.MAX_KEY_LENGTH)
                @jakarta.validation.constraints.Pattern(regexp = "\\s*[A-Za-z0-9][A-Za-z0-9 ._/-]{0,63}\\s*") String,
                @jakarta.validation.constraints.NotNull @Size(max = ProductSpecification.MAX_VALUE_LENGTH) String> attributes) {

    ProductSpecification toSpecification() {
        return new ProductSpecification(text, attributes == null ? Map.of() : attributes);
    }
}

package io.channelops.sales.product.web;

import io.channelops.sales.product.ProductSpecification;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A product's specification as the API shows it; absent from a product that has none. */
public record SpecificationResponse(@Nullable String text, Map<String, String> attributes) {

    static @Nullable SpecificationResponse of(ProductSpecification specification) {
        if (specification.text() == null && specification.attributes().isEmpty()) {
            return null;
        }
        return new SpecificationResponse(specification.text(), specification.attributes());
    }
}

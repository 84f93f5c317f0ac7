package io.channelops.order.order.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** One line to order: a product (sales-service's product id) and a whole quantity from 1 to 1,000,000. */
@Schema(example = """
        {"productId": "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d", "quantity": 12}""")
public record OrderLineRequest(
        @NotNull @Pattern(regexp = Ids.UUID, message = "must be a UUID") String productId,
        @NotNull @Min(1) @Max(1_000_000) Long quantity) {
}

package io.channelops.logistics.stock.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Goods received into a warehouse. The product id is the one sales-service gave the product;
 * logistics treats it as opaque.
 */
@Schema(example = """
        {"productId": "0b6f5e52-8a57-4c1e-9c55-2f3f1f7c1a10", "quantity": 120, "reference": "PO-2025-0117"}""")
public record ReceiptRequest(
        @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}") String productId,
        @NotNull @Min(1) @Max(1_000_000) Long quantity,
        @Nullable @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*") String reference) {
}

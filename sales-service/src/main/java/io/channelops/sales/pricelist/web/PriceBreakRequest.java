package io.channelops.sales.pricelist.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/** From {@code minQuantity} units on (2 to 1,000,000), each unit costs {@code price} (≥ the line's floor). */
@Schema(example = """
        {"minQuantity": 10, "price": 1150.00}""")
public record PriceBreakRequest(
        @NotNull @Min(2) @Max(1_000_000) Integer minQuantity,
        @NotNull @DecimalMin("0.00") @Digits(integer = 15, fraction = 2) BigDecimal price) {
}

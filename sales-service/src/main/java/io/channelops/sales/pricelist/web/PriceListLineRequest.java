package io.channelops.sales.pricelist.web;

import io.channelops.sales.pricelist.PriceBreak;
import io.channelops.sales.pricelist.PriceListLine;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A line: either {@code productId} or {@code categoryId} (every product of that category and below), prices in the
 * list's currency: {@code floorPrice} ≤ {@code listPrice}; {@code breaks} ascending by minQuantity, each price ≥ the
 * floor (at most 20).
 */
@Schema(example = """
        {"productId": "0f8e2a8c-3a51-4e0b-9a51-7d1f3c2b8e11", "listPrice": 1200.00, "floorPrice": 1050.00,
         "breaks": [{"minQuantity": 10, "price": 1150.00}, {"minQuantity": 50, "price": 1100.00}]}""")
public record PriceListLineRequest(
        @Nullable @Size(max = 36) String productId,
        @Nullable @Size(max = 36) String categoryId,
        @NotNull @DecimalMin("0.00") @Digits(integer = 15, fraction = 2) BigDecimal listPrice,
        @NotNull @DecimalMin("0.00") @Digits(integer = 15, fraction = 2) BigDecimal floorPrice,
        @Nullable @Size(max = PriceListLine.MAX_BREAKS) List<@NotNull @Valid PriceBreakRequest> breaks) {

    PriceListLine.Prices toPrices() {
        return new PriceListLine.Prices(productId, categoryId, listPrice, floorPrice, breaks == null ? List.of()
                : breaks.stream().map(b -> new PriceBreak(b.minQuantity(), b.price())).toList());
    }
}

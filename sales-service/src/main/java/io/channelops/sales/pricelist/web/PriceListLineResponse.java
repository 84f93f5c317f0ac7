package io.channelops.sales.pricelist.web;

import io.channelops.sales.pricelist.PriceBreak;
import io.channelops.sales.pricelist.PriceListLine;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A line of a price list; amounts in the list's {@code currency}. */
@Schema(example = """
        {"id": "8a7b6c5d-4e3f-4a1b-9c8d-7e6f5a4b3c2d", "productId": "0f8e2a8c-3a51-4e0b-9a51-7d1f3c2b8e11",
         "currency": "CNY", "listPrice": 1200.00, "floorPrice": 1050.00,
         "breaks": [{"minQuantity": 10, "price": 1150.00}]}""")
public record PriceListLineResponse(String id, @Nullable String productId, @Nullable String categoryId,
        String currency, BigDecimal listPrice, BigDecimal floorPrice, List<PriceBreak> breaks) {

    static PriceListLineResponse of(PriceListLine line, String currency) {
        return new PriceListLineResponse(line.id(), line.productId(), line.categoryId(), currency, line.listPrice(),
                line.floorPrice(), line.breaks());
    }
}

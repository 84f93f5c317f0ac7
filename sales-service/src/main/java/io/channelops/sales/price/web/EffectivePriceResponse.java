package io.channelops.sales.price.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.channelops.sales.money.Money;
import io.channelops.sales.price.EffectivePrice;
import io.channelops.sales.price.PriceSource;
import io.channelops.sales.pricelist.PriceScope;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The unit price that applies and where it came from. {@code priceListId} is always present (null for the list
 * price); the other list fields only when a list priced it. {@code customerKnown} false: the customer is not (yet)
 * known to sales-service, so only lists without customer scope fields were considered.
 */
@Schema(example = """
        {"productId": "0f8e2a8c-3a51-4e0b-9a51-7d1f3c2b8e11", "sku": "PUMP-200-SS", "productName": "Centrifugal pump",
         "unitPrice": {"amount": 1150.00, "currency": "CNY"}, "source": "PRICE_LIST",
         "priceListId": "3c9d2f1e-7b6a-4c5d-8e9f-0a1b2c3d4e5f", "priceListName": "East key accounts 2026",
         "lineId": "8a7b6c5d-4e3f-4a1b-9c8d-7e6f5a4b3c2d", "lineKind": "PRODUCT",
         "listPrice": {"amount": 1200.00, "currency": "CNY"}, "floorPrice": {"amount": 1050.00, "currency": "CNY"},
         "breakMinQuantity": 10, "matchedScope": {"regionCode": "EAST", "customerLevel": "KEY"},
         "quantity": 12, "date": "2026-03-31", "customerId": "6f1e2d3c-4b5a-4978-8d6c-5b4a39281706",
         "customerKnown": true}""")
public record EffectivePriceResponse(String productId, String sku, String productName, Money unitPrice,
        PriceSource source, @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String priceListId,
        @Nullable String priceListName, @Nullable String lineId, @Nullable String lineKind, Money listPrice,
        @Nullable Money floorPrice, @Nullable Integer breakMinQuantity, @Nullable MatchedScope matchedScope,
        int quantity, LocalDate date, @Nullable String customerId, boolean customerKnown) {

    /** The scope of the list that priced it; absent fields: the list applies to any value. */
    public record MatchedScope(@Nullable String regionCode, @Nullable String customerType,
            @Nullable String customerLevel, @Nullable String categoryId) {

        static @Nullable MatchedScope of(@Nullable PriceScope scope) {
            return scope == null ? null : new MatchedScope(scope.regionCode(), scope.customerType(),
                    scope.customerLevel(), scope.categoryId());
        }
    }

    static EffectivePriceResponse of(EffectivePrice price) {
        return new EffectivePriceResponse(price.productId(), price.sku(), price.productName(), price.unitPrice(),
                price.source(), price.priceListId(), price.priceListName(), price.lineId(), price.lineKind(),
                price.listPrice(), price.floorPrice(), price.breakMinQuantity(), MatchedScope.of(price.matchedScope()),
                price.quantity(), price.date(), price.customerId(), price.customerKnown());
    }
}

package io.channelops.sales.price.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.channelops.sales.money.Money;
import io.channelops.sales.price.EffectivePrice;
import io.channelops.sales.price.PriceSource;
import org.jspecify.annotations.Nullable;

/**
 * The unit price that applies, e.g.
 * {@code {"productId":"…","sku":"PUMP-200-SS","productName":"…","unitPrice":{"amount":1280.50,"currency":"CNY"},
 * "source":"LIST_PRICE","priceListId":null}}. {@code priceListId} is always present, null for the list price.
 */
public record EffectivePriceResponse(String productId, String sku, String productName, Money unitPrice,
        PriceSource source, @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String priceListId) {

    static EffectivePriceResponse of(EffectivePrice price) {
        return new EffectivePriceResponse(price.productId(), price.sku(), price.productName(), price.unitPrice(),
                price.source(), price.priceListId());
    }
}

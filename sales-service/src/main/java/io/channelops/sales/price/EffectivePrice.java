package io.channelops.sales.price;

import io.channelops.sales.money.Money;
import io.channelops.sales.product.Product;
import org.jspecify.annotations.Nullable;

/** The unit price that applies to a {@link PriceQuery}, and where it came from. */
public record EffectivePrice(String productId, String sku, String productName, Money unitPrice,
        PriceSource source, @Nullable String priceListId) {

    static EffectivePrice listPrice(Product product) {
        return new EffectivePrice(product.id(), product.sku(), product.name(), product.listPrice(),
                PriceSource.LIST_PRICE, null);
    }
}

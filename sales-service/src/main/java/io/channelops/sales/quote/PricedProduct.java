package io.channelops.sales.quote;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * What the price lists and the catalog say about one product for a quote line: its effective price for the
 * customer, quantity and quote date, and its VAT rate. Amounts are in {@code currency}.
 *
 * @param source {@code PRICE_LIST} or {@code LIST_PRICE} (the product's own list price, no floor)
 * @param listPrice the price list line's list price before quantity breaks, or the product's list price
 * @param listUnitPrice the price the list gives at this quantity (after its quantity break): what the quote's
 *     discounts are measured against
 * @param floorPrice the lowest unit price allowed without a manager's approval; null when no price list priced it
 * @param vatRate the product's VAT rate as a fraction (0.13 = 13 %)
 */
public record PricedProduct(String productId, String sku, String productName, String source,
        @Nullable String priceListId, @Nullable String priceListLineId, BigDecimal listPrice, BigDecimal listUnitPrice,
        @Nullable BigDecimal floorPrice, @Nullable Integer breakMinQuantity, String currency, BigDecimal vatRate) {
}

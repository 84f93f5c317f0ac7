package io.channelops.sales.price;

import io.channelops.sales.money.Money;
import io.channelops.sales.pricelist.PriceListPrecedence;
import io.channelops.sales.pricelist.PriceScope;
import io.channelops.sales.product.Product;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The unit price that applies to a {@link PriceQuery}, and where it came from.
 *
 * @param unitPrice what one unit costs at the asked quantity (a quantity break's price, else the list price)
 * @param source {@link PriceSource#PRICE_LIST} or {@link PriceSource#LIST_PRICE}
 * @param priceListId the list that priced it; null for the product's list price
 * @param priceListName that list's name; null for the product's list price
 * @param lineId the list's line that priced it; null for the product's list price
 * @param lineKind {@code PRODUCT} (the product's own line) or {@code CATEGORY} (a line of its category or an ancestor);
 *     null for the product's list price
 * @param listPrice the line's list price (before quantity breaks), or the product's list price
 * @param floorPrice the line's floor price (a quote below it needs approval); null for the product's list price,
 *     which has no floor
 * @param breakMinQuantity the minQuantity of the quantity break applied; null when none applied
 * @param matchedScope the scope of the list that priced it; null for the product's list price
 * @param quantity the quantity priced
 * @param date the pricing date (today in the pricing time zone when none was asked)
 * @param customerId the customer asked for, if any
 * @param customerKnown whether sales-service knows the customer's classification; an unknown or absent customer is
 *     priced as unclassified: only lists that set no customer field (region, type, level) apply
 */
public record EffectivePrice(String productId, String sku, String productName, Money unitPrice,
        PriceSource source, @Nullable String priceListId, @Nullable String priceListName, @Nullable String lineId,
        @Nullable String lineKind, Money listPrice, @Nullable Money floorPrice, @Nullable Integer breakMinQuantity,
        @Nullable PriceScope matchedScope, int quantity, LocalDate date, @Nullable String customerId,
        boolean customerKnown) {

    static EffectivePrice listPrice(Product product, PriceQuery query, LocalDate date, boolean customerKnown) {
        return new EffectivePrice(product.id(), product.sku(), product.name(), product.listPrice(),
                PriceSource.LIST_PRICE, null, null, null, null, product.listPrice(), null, null, null,
                query.quantity(), date, query.customerId(), customerKnown);
    }

    static EffectivePrice fromList(Product product, PriceListPrecedence.Choice choice, PriceQuery query,
            LocalDate date, boolean customerKnown) {
        PriceListPrecedence.Candidate line = choice.line();
        String currency = line.currency();
        return new EffectivePrice(product.id(), product.sku(), product.name(), new Money(choice.unitPrice(), currency),
                PriceSource.PRICE_LIST, line.priceListId(), line.priceListName(), line.lineId(),
                line.lineProductId() != null ? "PRODUCT" : "CATEGORY", new Money(line.listPrice(), currency),
                new Money(line.floorPrice(), currency),
                choice.appliedBreak() == null ? null : choice.appliedBreak().minQuantity(), line.scope(),
                query.quantity(), date, query.customerId(), customerKnown);
    }
}

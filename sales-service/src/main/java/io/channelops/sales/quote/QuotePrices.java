package io.channelops.sales.quote;

import io.channelops.platform.web.ApiProblem;
import io.channelops.sales.price.EffectivePrice;
import io.channelops.sales.price.PriceQuery;
import io.channelops.sales.price.PriceResolver;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The quotes' only way to the effective price ({@link PriceResolver}): what one product costs a customer in a
 * quantity on the quote date, and which price list line (with its floor price) priced it.
 */
@Component
class QuotePrices {

    private final PriceResolver resolver;

    QuotePrices(PriceResolver resolver) {
        this.resolver = resolver;
    }

    /**
     * The effective price of a product for a quote line.
     *
     * @param field the request field naming the product, for the 422 {@code UNKNOWN_PRODUCT} answer
     * @throws ApiProblem 422 {@code UNKNOWN_PRODUCT} for a product not in the catalog, 422
     *     {@code PRODUCT_DISCONTINUED} for one no longer sold
     */
    Price price(String productId, int quantity, String customerId, LocalDate date, String field) {
        EffectivePrice price;
        try {
            price = resolver.resolve(new PriceQuery(productId, quantity, customerId, date));
        } catch (ApiProblem ex) {
            if (ex.status() == HttpStatus.NOT_FOUND) {
                throw ApiProblem.unprocessable("UNKNOWN_PRODUCT", "No product " + productId + " in the catalog",
                        productId, field);
            }
            throw ex;
        }
        return new Price(price.productId(), price.sku(), price.productName(), price.source().name(),
                price.priceListId(), price.lineId(), price.listPrice().amount(), price.unitPrice().amount(),
                price.floorPrice() == null ? null : price.floorPrice().amount(), price.breakMinQuantity(),
                price.unitPrice().currency());
    }

    /** An effective price as quotes use it; amounts in {@code currency}. */
    record Price(String productId, String sku, String productName, String source, @Nullable String priceListId,
            @Nullable String priceListLineId, BigDecimal listPrice, BigDecimal unitPrice,
            @Nullable BigDecimal floorPrice, @Nullable Integer breakMinQuantity, String currency) {
    }
}

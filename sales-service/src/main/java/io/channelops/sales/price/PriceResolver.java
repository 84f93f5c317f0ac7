package io.channelops.sales.price;

import io.channelops.platform.web.ApiProblem;
import io.channelops.sales.product.Product;
import io.channelops.sales.product.ProductService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Resolves the effective unit price of a product: the use case order-service calls to price order lines.
 * Resolution order, first match wins:
 * <ol>
 *   <li>(to come) an approved price list that applies to the customer on the date, at the quantity's break;</li>
 *   <li>the product's list price.</li>
 * </ol>
 * An unknown product answers 404; a discontinued one 422 {@code PRODUCT_DISCONTINUED}, whatever the source.
 */
@Service
public class PriceResolver {

    private final ProductService products;

    public PriceResolver(ProductService products) {
        this.products = products;
    }

    @Transactional(readOnly = true)
    public EffectivePrice resolve(PriceQuery query) {
        Product product = products.get(query.productId());
        if (!product.isActive()) {
            throw ApiProblem.unprocessable("PRODUCT_DISCONTINUED",
                    "Product " + product.id() + " (" + product.sku() + ") is discontinued and can no longer be "
                            + "priced or sold", product.id(), product.sku());
        }
        return EffectivePrice.listPrice(product);
    }
}

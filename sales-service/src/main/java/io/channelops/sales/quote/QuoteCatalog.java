package io.channelops.sales.quote;

import io.channelops.sales.product.ProductService;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/** The quotes' only way to the catalog ({@link ProductService}): a product's VAT rate. */
@Component
class QuoteCatalog {

    private final ProductService products;

    QuoteCatalog(ProductService products) {
        this.products = products;
    }

    /** The VAT rate of a product known to exist (it was just priced), as a fraction: 0.13 = 13 %. */
    BigDecimal vatRate(String productId) {
        return products.get(productId).vatRate();
    }
}

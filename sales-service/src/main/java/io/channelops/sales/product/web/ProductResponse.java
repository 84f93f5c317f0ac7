package io.channelops.sales.product.web;

import io.channelops.sales.money.Money;
import io.channelops.sales.product.Product;
import io.channelops.sales.product.ProductStatus;
import java.time.Instant;

/** A product as the API shows it. */
public record ProductResponse(String id, String sku, String name, String unit, Money listPrice,
        ProductStatus status, Instant createdAt, Instant updatedAt, long version) {

    static ProductResponse of(Product product) {
        return new ProductResponse(product.id(), product.sku(), product.name(), product.unit(),
                product.listPrice(), product.status(), product.createdAt(), product.updatedAt(),
                product.version());
    }
}

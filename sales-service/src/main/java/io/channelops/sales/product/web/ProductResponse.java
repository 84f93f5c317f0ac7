package io.channelops.sales.product.web;

import io.channelops.sales.money.Money;
import io.channelops.sales.product.Product;
import io.channelops.sales.product.ProductStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A product as the API shows it; {@code brand}, {@code categoryId} and {@code specification} only when set. */
@Schema(example = """
        {"id": "0f8e2a8c-3a51-4e0b-9a51-7d1f3c2b8e11", "sku": "PUMP-200-SS",
         "name": "Centrifugal pump 200 l/min, stainless", "unit": "EA",
         "listPrice": {"amount": 1280.50, "currency": "CNY"}, "status": "ACTIVE", "brand": "Aquaflow",
         "categoryId": "5b0f7a52-8c3e-4d6e-9f1a-2b3c4d5e6f70",
         "specification": {"text": "Stainless impeller", "attributes": {"flow": "200 l/min"}},
         "taxCategory": "STANDARD", "vatRate": 0.1300, "keyBrand": true,
         "createdAt": "2026-03-01T08:00:00Z", "updatedAt": "2026-03-01T08:00:00Z", "version": 0}""")
public record ProductResponse(String id, String sku, String name, String unit, Money listPrice,
        ProductStatus status, @Nullable String brand, @Nullable String categoryId,
        @Nullable SpecificationResponse specification, String taxCategory, BigDecimal vatRate, boolean keyBrand,
        Instant createdAt, Instant updatedAt, long version) {

    static ProductResponse of(Product product) {
        return new ProductResponse(product.id(), product.sku(), product.name(), product.unit(),
                product.listPrice(), product.status(), product.brand(), product.categoryId(),
                SpecificationResponse.of(product.specification()), product.taxCategory(), product.vatRate(),
                product.keyBrand(), product.createdAt(), product.updatedAt(), product.version());
    }
}

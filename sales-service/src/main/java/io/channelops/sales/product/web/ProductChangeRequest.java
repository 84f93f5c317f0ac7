package io.channelops.sales.product.web;

import io.channelops.sales.product.ProductService;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * Changes a product; absent fields stay as they are, an empty {@code brand} or {@code categoryId} clears it, and a
 * {@code specification} replaces the whole specification. The SKU and the status cannot be changed here.
 */
@Schema(example = """
        {"name": "Centrifugal pump 200 l/min, stainless steel", "listPrice": {"amount": 1350.00, "currency": "CNY"},
         "brand": "Aquaflow", "keyBrand": true, "vatRate": 0.09, "taxCategory": "REDUCED"}""")
public record ProductChangeRequest(
        @Nullable @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*") String name,
        @Nullable @Size(min = 1, max = 16) @Pattern(regexp = ".*\\S.*") String unit,
        @Nullable @Valid MoneyRequest listPrice,
        @Nullable @Size(max = 100) String brand,
        @Nullable @Size(max = 36) String categoryId,
        @Nullable @Valid SpecificationRequest specification,
        @Nullable @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_]{0,31}") String taxCategory,
        @Nullable @DecimalMin("0") @DecimalMax(value = "1", inclusive = false) @Digits(integer = 1, fraction = 4)
        BigDecimal vatRate,
        @Nullable Boolean keyBrand) {

    ProductService.Change toChange() {
        return new ProductService.Change(name, unit, listPrice == null ? null : listPrice.toMoney(), brand,
                categoryId, specification == null ? null : specification.toSpecification(), taxCategory, vatRate,
                keyBrand);
    }
}

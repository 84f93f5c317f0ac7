package io.channelops.sales.product.web;

import io.channelops.sales.product.ProductService;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * Creates a product. The SKU is stored in upper case; the unit defaults to {@code EA}; the tax category and VAT rate
 * default to the configured ones ({@code STANDARD}, 0.13); {@code keyBrand} defaults to false.
 */
@Schema(example = """
        {"sku": "PUMP-200-SS", "name": "Centrifugal pump 200 l/min, stainless", "unit": "EA",
         "listPrice": {"amount": 1280.50, "currency": "CNY"}, "brand": "Aquaflow",
         "categoryId": "5b0f7a52-8c3e-4d6e-9f1a-2b3c4d5e6f70",
         "specification": {"text": "Stainless impeller", "attributes": {"flow": "200 l/min"}},
         "taxCategory": "STANDARD", "vatRate": 0.13, "keyBrand": true}""")
public record ProductRequest(
        @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}") String sku,
        @NotBlank @Size(max = 200) String name,
        @Nullable @Size(min = 1, max = 16) @Pattern(regexp = ".*\\S.*") String unit,
        @NotNull @Valid MoneyRequest listPrice,
        @Nullable @Size(max = 100) String brand,
        @Schema(description = "An existing category (422 UNKNOWN_CATEGORY otherwise)")
        @Nullable @Size(max = 36) String categoryId,
        @Nullable @Valid SpecificationRequest specification,
        @Nullable @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_]{0,31}") String taxCategory,
        @Schema(description = "VAT rate as a decimal fraction, 0 ≤ rate < 1, e.g. 0.13", example = "0.13")
        @Nullable @DecimalMin("0") @DecimalMax(value = "1", inclusive = false) @Digits(integer = 1, fraction = 4)
        BigDecimal vatRate,
        @Nullable Boolean keyBrand) {

    ProductService.NewProduct toNewProduct() {
        return new ProductService.NewProduct(sku, name, unit, listPrice.toMoney(), brand, categoryId,
                specification == null ? null : specification.toSpecification(), taxCategory, vatRate,
                Boolean.TRUE.equals(keyBrand));
    }
}

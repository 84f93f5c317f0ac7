package io.channelops.sales.product.web;

import io.channelops.sales.product.ProductService;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Creates a product. The SKU is stored in upper case; the unit defaults to {@code EA}. */
@Schema(example = """
        {"sku": "PUMP-200-SS", "name": "Centrifugal pump 200 l/min, stainless", "unit": "EA",
         "listPrice": {"amount": 1280.50, "currency": "CNY"}}""")
public record ProductRequest(
        @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}") String sku,
        @NotBlank @Size(max = 200) String name,
        @Nullable @Size(min = 1, max = 16) @Pattern(regexp = ".*\\S.*") String unit,
        @NotNull @Valid MoneyRequest listPrice) {

    ProductService.NewProduct toNewProduct() {
        return new ProductService.NewProduct(sku, name, unit, listPrice.toMoney());
    }
}

package io.channelops.sales.product.web;

import io.channelops.sales.product.ProductService;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Changes a product; absent fields stay as they are. The SKU and the status cannot be changed here. */
@Schema(example = """
        {"name": "Centrifugal pump 200 l/min, stainless steel", "listPrice": {"amount": 1350.00, "currency": "CNY"}}""")
public record ProductChangeRequest(
        @Nullable @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*") String name,
        @Nullable @Size(min = 1, max = 16) @Pattern(regexp = ".*\\S.*") String unit,
        @Nullable @Valid MoneyRequest listPrice) {

    ProductService.Change toChange() {
        return new ProductService.Change(name, unit, listPrice == null ? null : listPrice.toMoney());
    }
}

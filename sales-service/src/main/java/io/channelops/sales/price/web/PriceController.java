package io.channelops.sales.price.web;

import io.channelops.sales.price.PriceQuery;
import io.channelops.sales.price.PriceResolver;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/prices}: the prices products sell at. Prices are company-wide reference data, not org-scoped:
 * every caller with {@code prices:read} may resolve them.
 */
@RestController
@RequestMapping("/api/v1/prices")
@Tag(name = "Prices", description = "Effective prices of products")
class PriceController {

    private final PriceResolver prices;

    PriceController(PriceResolver prices) {
        this.prices = prices;
    }

    @GetMapping("/effective")
    @PreAuthorize("hasAuthority('prices:read')")
    @Operation(summary = "Resolve a product's effective unit price",
            description = "The unit price for a quantity, customer and date; today the product's list price "
                    + "(source LIST_PRICE). 404 for an unknown product, 422 PRODUCT_DISCONTINUED for a "
                    + "discontinued one.")
    EffectivePriceResponse effective(
            @Parameter(description = "The product's id") @RequestParam UUID productId,
            @Parameter(description = "Quantity to price, 1 to 1,000,000")
            @RequestParam(defaultValue = "1") @Min(1) @Max(PriceQuery.MAX_QUANTITY) int quantity,
            @Parameter(description = "The buying customer's id, if known")
            @RequestParam(required = false) @Nullable UUID customerId,
            @Parameter(description = "The pricing date (ISO, e.g. 2026-03-31); today when absent")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date) {
        return EffectivePriceResponse.of(prices.resolve(new PriceQuery(productId.toString(), quantity,
                customerId == null ? null : customerId.toString(), date)));
    }
}

package io.channelops.sales.price.web;

import io.channelops.sales.price.PriceQuery;
import io.channelops.sales.price.PriceResolver;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
            description = "The one unit price for a quantity, customer and date: the line of the confirmed price "
                    + "list that applies (source PRICE_LIST; the most specific scope wins, then the latest validFrom, "
                    + "then the smaller list id; the product's own line beats a category line; the quantity break "
                    + "with the largest minQuantity ≤ quantity), else the product's list price (source LIST_PRICE). "
                    + "The customer's region, type and level come from sales-service's copy of customer-service's "
                    + "events; an unknown customer (customerKnown false) gets only lists without customer scope. "
                    + "404 for an unknown product, 422 PRODUCT_DISCONTINUED for a discontinued one.")
    @ApiResponse(responseCode = "200", description = "The effective price", content = @Content(
            mediaType = "application/json", examples = {
                @ExampleObject(name = "from a price list", value = """
                        {"productId": "0f8e2a8c-3a51-4e0b-9a51-7d1f3c2b8e11", "sku": "PUMP-200-SS",
                         "productName": "Centrifugal pump", "unitPrice": {"amount": 1150.00, "currency": "CNY"},
                         "source": "PRICE_LIST", "priceListId": "3c9d2f1e-7b6a-4c5d-8e9f-0a1b2c3d4e5f",
                         "priceListName": "East key accounts 2026", "lineId": "8a7b6c5d-4e3f-4a1b-9c8d-7e6f5a4b3c2d",
                         "lineKind": "PRODUCT", "listPrice": {"amount": 1200.00, "currency": "CNY"},
                         "floorPrice": {"amount": 1050.00, "currency": "CNY"}, "breakMinQuantity": 10,
                         "matchedScope": {"regionCode": "EAST", "customerLevel": "KEY"}, "quantity": 12,
                         "date": "2026-03-31", "customerId": "6f1e2d3c-4b5a-4978-8d6c-5b4a39281706",
                         "customerKnown": true}"""),
                @ExampleObject(name = "list price fallback", value = """
                        {"productId": "0f8e2a8c-3a51-4e0b-9a51-7d1f3c2b8e11", "sku": "PUMP-200-SS",
                         "productName": "Centrifugal pump", "unitPrice": {"amount": 1280.50, "currency": "CNY"},
                         "source": "LIST_PRICE", "priceListId": null,
                         "listPrice": {"amount": 1280.50, "currency": "CNY"}, "quantity": 1, "date": "2026-03-31",
                         "customerKnown": false}""")}))
    EffectivePriceResponse effective(
            @Parameter(description = "The product's id") @RequestParam UUID productId,
            @Parameter(description = "Quantity to price, 1 to 1,000,000")
            @RequestParam(defaultValue = "1") @Min(1) @Max(PriceQuery.MAX_QUANTITY) int quantity,
            @Parameter(description = "The buying customer's id, if known")
            @RequestParam(required = false) @Nullable UUID customerId,
            @Parameter(description = "The pricing date (ISO, e.g. 2026-03-31); today in the pricing time zone when "
                    + "absent")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date) {
        return EffectivePriceResponse.of(prices.resolve(new PriceQuery(productId.toString(), quantity,
                customerId == null ? null : customerId.toString(), date)));
    }
}

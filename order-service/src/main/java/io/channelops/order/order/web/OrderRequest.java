package io.channelops.order.order.web;

import io.channelops.order.order.OrderService;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;

/**
 * Creates a {@code DRAFT} order. Prices are not sent: each line is priced with sales-service's
 * effective price for the customer and quantity. Nor is the owner: the order belongs to the caller
 * (its sales rep) and the caller's org path; a {@code salesRepId}, {@code ownerId} or
 * {@code orgPath} in the body is an unknown field (400).
 */
@Schema(example = """
        {"customerId": "0b6f8d3e-2c4a-4f7e-9a51-3d2c7b9e1f00", "currency": "CNY",
         "lines": [{"productId": "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d", "quantity": 12}]}""")
public record OrderRequest(
        @NotNull @Pattern(regexp = Ids.UUID, message = "must be a UUID") String customerId,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as CNY") String currency,
        @NotNull @Size(min = 1, max = 200) List<@NotNull @Valid OrderLineRequest> lines) {

    OrderService.NewOrder toNewOrder() {
        return new OrderService.NewOrder(customerId.toLowerCase(Locale.ROOT), currency, lines.stream()
                .map(line -> new OrderService.NewLine(line.productId().toLowerCase(Locale.ROOT), line.quantity()))
                .toList());
    }
}

package io.channelops.sales.opportunity.web;

import io.channelops.sales.opportunity.OpportunityService;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A product of the catalog the deal is about; the optional amount must be in the opportunity's currency. */
@Schema(example = """
        {"productId": "0b7c3f0e-6a57-4d0e-9a55-3f2f1c9b8e21", "quantity": 40,
         "amount": {"amount": 51220.00, "currency": "CNY"}}""")
public record ProductLineRequest(
        @NotBlank @Size(max = 36) String productId,
        @NotNull @Min(1) @Max(1_000_000_000) Long quantity,
        @Nullable @Valid MoneyRequest amount) {

    OpportunityService.ProductLine toLine() {
        return new OpportunityService.ProductLine(productId, quantity, amount == null ? null : amount.toMoney());
    }
}

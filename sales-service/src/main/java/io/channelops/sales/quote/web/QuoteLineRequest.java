package io.channelops.sales.quote.web;

import io.channelops.sales.quote.QuoteLine;
import io.channelops.sales.quote.QuoteService;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A quote line: a product and quantity, priced from the effective price for the customer on the quote date. Ask for
 * a {@code unitPrice} (in the quote's currency) or a {@code discountPercent} off the list unit price, or neither
 * (the list unit price); not both.
 */
@Schema(example = """
        {"productId": "0b7c3f0e-6a57-4d0e-9a55-3f2f1c9b8e21", "quantity": 40, "discountPercent": 8.5}""")
public record QuoteLineRequest(
        @NotBlank @Size(max = 36) String productId,
        @NotNull @Min(1) @Max(QuoteLine.MAX_QUANTITY) Integer quantity,
        @Nullable @Valid MoneyRequest unitPrice,
        @Nullable @DecimalMin("0.00") @DecimalMax("100.00") @Digits(integer = 3, fraction = 2)
        BigDecimal discountPercent) {

    QuoteService.NewLine toLine() {
        return new QuoteService.NewLine(productId, quantity, unitPrice == null ? null : unitPrice.toMoney(),
                discountPercent);
    }
}

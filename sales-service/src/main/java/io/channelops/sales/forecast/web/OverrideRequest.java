package io.channelops.sales.forecast.web;

import io.channelops.sales.money.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** A manager's forecast for a rep and period: the amount they commit to, in one currency, and why. */
@Schema(example = """
        {"amount": 200000.00, "currency": "CNY", "note": "Two deals slip to Q1, the Suzhou order comes in"}""")
public record OverrideRequest(
        @NotNull @DecimalMin("0.00") @Digits(integer = 15, fraction = 2) BigDecimal amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
        @Nullable @Size(max = 2000) String note) {

    Money toMoney() {
        return new Money(amount, currency);
    }
}

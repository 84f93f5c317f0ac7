package io.channelops.sales.quote.web;

import io.channelops.sales.money.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;

/** A non-negative money amount with at most 2 decimal places and an ISO-4217 currency code. */
@Schema(example = """
        {"amount": 1150.00, "currency": "CNY"}""")
public record MoneyRequest(
        @NotNull @DecimalMin("0.00") @Digits(integer = 15, fraction = 2) BigDecimal amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}") String currency) {

    Money toMoney() {
        return new Money(amount, currency);
    }
}

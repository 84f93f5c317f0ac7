package io.channelops.finance.money.web;

import io.channelops.finance.money.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;

/** An amount of money sent by a client: zero or more, at most two decimals and 15 integer digits. */
@Schema(example = """
        {"amount": 1280.50, "currency": "CNY"}""")
public record MoneyRequest(
        @NotNull @PositiveOrZero @Digits(integer = 15, fraction = 2) BigDecimal amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}") String currency) {

    public Money toMoney() {
        return Money.of(amount, currency);
    }
}

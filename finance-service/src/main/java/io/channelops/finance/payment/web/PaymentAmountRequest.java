package io.channelops.finance.payment.web;

import io.channelops.finance.money.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;

/** The amount paid: greater than zero, at most two decimals and 15 integer digits. */
@Schema(example = """
        {"amount": 1280.50, "currency": "CNY"}""")
public record PaymentAmountRequest(
        @NotNull @Positive @Digits(integer = 15, fraction = 2) BigDecimal amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}") String currency) {

    Money toMoney() {
        return Money.of(amount, currency);
    }
}

package io.channelops.finance.money.web;

import io.channelops.finance.money.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/** An amount of money as the API shows it: {@code {"amount": 1280.50, "currency": "CNY"}}. */
@Schema(example = """
        {"amount": 1280.50, "currency": "CNY"}""")
public record MoneyResponse(BigDecimal amount, String currency) {

    public static MoneyResponse of(Money money) {
        return new MoneyResponse(money.amount(), money.currency());
    }
}

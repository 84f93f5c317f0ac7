package io.channelops.finance.money.web;

import io.channelops.finance.money.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** An amount of money as the API shows it: {@code {"amount": 1280.50, "currency": "CNY"}}. */
@Schema(example = """
        {"amount": 1280.50, "currency": "CNY"}""")
public record MoneyResponse(BigDecimal amount, String currency) {

    public static MoneyResponse of(Money money) {
        return new MoneyResponse(money.amount(), money.currency());
    }

    public static @Nullable MoneyResponse ofNullable(@Nullable Money money) {
        return money == null ? null : of(money);
    }
}

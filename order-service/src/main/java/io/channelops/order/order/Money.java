package io.channelops.order.order;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;

/** A money amount on the wire: {@code {"amount": 1280.50, "currency": "CNY"}}. */
@Schema(example = """
        {"amount": 1280.50, "currency": "CNY"}""")
public record Money(
        @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 2) BigDecimal amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}") String currency) {

    public io.channelops.events.Money toEvent() {
        return new io.channelops.events.Money(amount, currency);
    }
}

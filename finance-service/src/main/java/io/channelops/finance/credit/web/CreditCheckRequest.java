package io.channelops.finance.credit.web;

import io.channelops.finance.money.web.MoneyRequest;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Asks whether an order's amount fits the customer's credit. */
@Schema(example = """
        {"customerId": "3f1c2a9e-7d4b-4e2a-9b1c-0d8e6f5a4b3c", "orderId": "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d",
         "amount": {"amount": 1280.50, "currency": "CNY"}}""")
public record CreditCheckRequest(
        @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}") String customerId,
        @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}") String orderId,
        @NotNull @Valid MoneyRequest amount) {
}

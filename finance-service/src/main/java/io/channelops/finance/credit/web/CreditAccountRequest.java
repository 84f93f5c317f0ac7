package io.channelops.finance.credit.web;

import io.channelops.finance.money.web.MoneyRequest;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Opens a customer's credit account with a limit of zero or more. */
@Schema(example = """
        {"customerId": "3f1c2a9e-7d4b-4e2a-9b1c-0d8e6f5a4b3c", "creditLimit": {"amount": 500000.00, "currency": "CNY"}}""")
public record CreditAccountRequest(
        @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}") String customerId,
        @NotNull @Valid MoneyRequest creditLimit) {
}

package io.channelops.finance.credit.web;

import io.channelops.finance.money.web.MoneyRequest;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** Sets a new credit limit; exposure is then counted in the limit's currency. */
@Schema(example = """
        {"creditLimit": {"amount": 800000.00, "currency": "CNY"}}""")
public record CreditLimitChangeRequest(@NotNull @Valid MoneyRequest creditLimit) {
}

package io.channelops.finance.credit.web;

import io.channelops.finance.credit.CreditService;
import io.channelops.finance.money.web.MoneyResponse;
import java.time.Instant;

/** A credit account as the API shows it, with its current exposure and what is still available. */
public record CreditAccountResponse(String customerId, MoneyResponse creditLimit, ExposureResponse exposure,
        MoneyResponse available, Instant createdAt, Instant updatedAt, long version) {

    static CreditAccountResponse of(CreditService.AccountView view) {
        var account = view.account();
        return new CreditAccountResponse(account.customerId(), MoneyResponse.of(account.creditLimit()),
                ExposureResponse.of(view.exposure()), MoneyResponse.of(view.available()), account.createdAt(),
                account.updatedAt(), account.version());
    }
}

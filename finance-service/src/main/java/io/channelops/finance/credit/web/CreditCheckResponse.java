package io.channelops.finance.credit.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.channelops.finance.credit.CreditDecision;
import io.channelops.finance.money.web.MoneyResponse;
import org.jspecify.annotations.Nullable;

/**
 * The answer of a credit check. {@code reason} is null when approved; {@code creditLimit} and
 * {@code available} are null when the customer has no credit account. Nulls are written out.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CreditCheckResponse(CreditDecision.Decision decision, CreditDecision.@Nullable Reason reason,
        @Nullable MoneyResponse creditLimit, ExposureResponse exposure, @Nullable MoneyResponse available) {

    static CreditCheckResponse of(CreditDecision decision) {
        return new CreditCheckResponse(decision.decision(), decision.reason(),
                MoneyResponse.ofNullable(decision.creditLimit()), ExposureResponse.of(decision.exposure()),
                MoneyResponse.ofNullable(decision.available()));
    }
}

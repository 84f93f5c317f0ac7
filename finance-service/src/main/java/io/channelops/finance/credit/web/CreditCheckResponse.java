package io.channelops.finance.credit.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.channelops.finance.credit.CreditDecision;
import org.jspecify.annotations.Nullable;

/**
 * The answer of a credit check: the decision and, when rejected, why ({@code reason} is null when
 * approved and written out). Only the decision: the exposure behind it counts all of the customer's
 * receivables, whoever asks, so the limit and the sums stay out of the answer (read them from the
 * credit account, where the exposure is filtered by the caller's data scope).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CreditCheckResponse(CreditDecision.Decision decision, CreditDecision.@Nullable Reason reason) {

    static CreditCheckResponse of(CreditDecision decision) {
        return new CreditCheckResponse(decision.decision(), decision.reason());
    }
}

package io.channelops.kpi.scorecard.web;

import io.channelops.kpi.scorecard.Scorecard;
import java.util.List;

/** A customer's scorecard over the facts the caller may see: one totals entry per currency (never empty). */
public record CustomerScorecardResponse(String customerId, List<CurrencyTotalsResponse> totals) {

    static CustomerScorecardResponse of(Scorecard scorecard) {
        return new CustomerScorecardResponse(scorecard.subjectId(),
                scorecard.totals().stream().map(CurrencyTotalsResponse::of).toList());
    }
}

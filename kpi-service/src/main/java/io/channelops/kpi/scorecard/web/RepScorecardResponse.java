package io.channelops.kpi.scorecard.web;

import io.channelops.kpi.scorecard.Scorecard;
import java.util.List;

/**
 * A sales rep's scorecard over the facts the caller may see: one totals entry per currency, empty when the rep (asking
 * for their own) has no facts yet.
 */
public record RepScorecardResponse(String repId, List<CurrencyTotalsResponse> totals) {

    static RepScorecardResponse of(Scorecard scorecard) {
        return new RepScorecardResponse(scorecard.subjectId(),
                scorecard.totals().stream().map(CurrencyTotalsResponse::of).toList());
    }
}

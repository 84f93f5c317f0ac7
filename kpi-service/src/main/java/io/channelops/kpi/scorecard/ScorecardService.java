package io.channelops.kpi.scorecard;

import io.channelops.platform.security.DataScope;
import io.channelops.platform.web.ApiProblem;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read use cases over the facts; each one read-only transaction, so its queries see one snapshot. Everything is
 * computed over the facts in the caller's data scope only, and a scorecard the caller has no business seeing
 * answers 404 (never 403, so ids cannot be probed):
 * <ul>
 *   <li>a rep's scorecard is visible to the rep themselves (empty without facts) and to any caller whose scope
 *       holds at least one fact owned by that rep;</li>
 *   <li>a customer's scorecard is visible when the caller's scope holds at least one fact of that customer.</li>
 * </ul>
 */
@Service
public class ScorecardService {

    private final Scorecards scorecards;
    private final DataScope scope;

    ScorecardService(Scorecards scorecards, DataScope scope) {
        this.scorecards = scorecards;
        this.scope = scope;
    }

    /** A rep's totals per currency over the facts in the caller's scope. */
    @Transactional(readOnly = true)
    public Scorecard ofRep(String repId) {
        if (!repId.equals(scope.caller().id()) && !scorecards.holdsFactsOwnedBy(repId)) {
            throw ApiProblem.notFound("rep", repId);
        }
        return scorecards.ofRep(repId);
    }

    /**
     * A customer's totals per currency over the facts in the caller's scope; 404 when the scope holds none of the
     * customer's facts. Every visible fact adds to a currency's entry, so an empty scorecard means nothing visible.
     */
    @Transactional(readOnly = true)
    public Scorecard ofCustomer(String customerId) {
        Scorecard scorecard = scorecards.ofCustomer(customerId);
        if (scorecard.totals().isEmpty()) {
            throw ApiProblem.notFound("customer", customerId);
        }
        return scorecard;
    }

    /** The leaderboard of the reps whose facts are in the caller's scope, ranked within that view. */
    @Transactional(readOnly = true)
    public Page<RepStanding> leaderboard(String currency, Pageable pageable) {
        return scorecards.leaderboard(currency, pageable);
    }
}

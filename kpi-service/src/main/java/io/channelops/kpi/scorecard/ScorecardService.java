package io.channelops.kpi.scorecard;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read use cases over the facts; each one read-only transaction, so its queries see one snapshot. */
@Service
public class ScorecardService {

    private final Scorecards scorecards;

    ScorecardService(Scorecards scorecards) {
        this.scorecards = scorecards;
    }

    /** A rep's totals per currency; a rep with no facts has an empty scorecard. */
    @Transactional(readOnly = true)
    public Scorecard ofRep(String repId) {
        return scorecards.ofRep(repId);
    }

    /** A customer's totals per currency; a customer with no facts has an empty scorecard. */
    @Transactional(readOnly = true)
    public Scorecard ofCustomer(String customerId) {
        return scorecards.ofCustomer(customerId);
    }

    @Transactional(readOnly = true)
    public Page<RepStanding> leaderboard(String currency, Pageable pageable) {
        return scorecards.leaderboard(currency, pageable);
    }
}

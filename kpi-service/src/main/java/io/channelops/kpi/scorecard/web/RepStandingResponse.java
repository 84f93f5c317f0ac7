package io.channelops.kpi.scorecard.web;

import io.channelops.kpi.scorecard.RepStanding;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/** One row of the leaderboard. */
@Schema(example = """
        {"rank": 1, "repId": "5b0c6f7e-4d1a-4a8e-9a57-0f3c2d1e9b44", "currency": "CNY",
         "approvedOrderValue": 12800.50, "approvedOrders": 3, "collectedCash": 5000.00}""")
public record RepStandingResponse(long rank, String repId, String currency, BigDecimal approvedOrderValue,
        long approvedOrders, BigDecimal collectedCash) {

    static RepStandingResponse of(RepStanding standing) {
        return new RepStandingResponse(standing.rank(), standing.repId(), standing.currency(),
                standing.approvedOrderValue(), standing.approvedOrders(), standing.collectedCash());
    }
}

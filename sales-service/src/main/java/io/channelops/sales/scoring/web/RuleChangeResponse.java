package io.channelops.sales.scoring.web;

import io.swagger.v3.oas.annotations.media.Schema;

/** A saved rule and the background rescore its change started. */
@Schema(example = """
        {"rule": {"id": "8d2f4c1a-3b5e-4d6f-9a7b-1c2d3e4f5a6b", "name": "Demo requested", "kind": "BEHAVIOUR",
                  "values": [], "signalType": "DEMO_REQUESTED", "points": 30, "decayPerWeek": 5, "maxCount": 2,
                  "active": true, "createdAt": "2026-06-01T08:00:00Z", "updatedAt": "2026-06-01T08:00:00Z",
                  "version": 0},
         "rescoreJob": {"id": "3e1d2c4b-5a6f-4e7d-8c9b-0a1b2c3d4e5f", "rulesVersion": 7,
                        "reason": "rule 8d2f4c1a-3b5e-4d6f-9a7b-1c2d3e4f5a6b created", "status": "PENDING",
                        "leadsRescored": 0, "createdBy": "u-admin", "createdAt": "2026-06-01T08:00:00Z"}}""")
public record RuleChangeResponse(ScoringRuleResponse rule, RescoreJobResponse rescoreJob) {
}

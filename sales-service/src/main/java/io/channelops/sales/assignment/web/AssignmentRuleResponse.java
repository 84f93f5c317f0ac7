package io.channelops.sales.assignment.web;

import io.channelops.sales.assignment.AssignmentRule;
import io.channelops.sales.assignment.AssignmentStrategy;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An assignment rule, with the reps a ROUND_ROBIN rule currently rotates among (from the user directory). */
@Schema(example = """
        {"id": "2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d", "regionCode": "EAST", "teamPath": "/hq/east/team-1",
         "strategy": "ROUND_ROBIN", "activeReps": ["u-rep-east1-a", "u-rep-east1-b"],
         "createdAt": "2026-06-01T08:00:00Z", "updatedAt": "2026-06-01T08:00:00Z", "version": 0}""")
public record AssignmentRuleResponse(String id, String regionCode, String teamPath, AssignmentStrategy strategy,
        @Nullable String fixedUserId, List<String> activeReps, Instant createdAt, Instant updatedAt, long version) {

    static AssignmentRuleResponse of(AssignmentRule rule, List<String> activeReps) {
        return new AssignmentRuleResponse(rule.id(), rule.regionCode(), rule.teamPath(), rule.strategy(),
                rule.fixedUserId(), activeReps, rule.createdAt(), rule.updatedAt(), rule.version());
    }
}

package io.channelops.sales.scoring.web;

import io.channelops.sales.scoring.RuleDefinition;
import io.channelops.sales.scoring.RuleField;
import io.channelops.sales.scoring.RuleKind;
import io.channelops.sales.scoring.RuleOperator;
import io.channelops.sales.scoring.ScoringRule;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A scoring rule as the API shows it. */
@Schema(example = """
        {"id": "8d2f4c1a-3b5e-4d6f-9a7b-1c2d3e4f5a6b", "name": "Demo requested", "kind": "BEHAVIOUR",
         "values": [], "signalType": "DEMO_REQUESTED", "points": 30, "decayPerWeek": 5, "maxCount": 2,
         "active": true, "createdAt": "2026-06-01T08:00:00Z", "updatedAt": "2026-06-01T08:00:00Z", "version": 0}""")
public record ScoringRuleResponse(String id, String name, RuleKind kind, @Nullable RuleField field,
        @Nullable RuleOperator operator, ScoringRuleRequest.@Nullable Amount amount, @Nullable Integer months,
        List<String> values, @Nullable String signalType, int points, int decayPerWeek, @Nullable Integer maxCount,
        boolean active, Instant createdAt, Instant updatedAt, long version) {

    static ScoringRuleResponse of(ScoringRule rule) {
        RuleDefinition d = rule.definition();
        return new ScoringRuleResponse(rule.id(), rule.name(), d.kind(), d.field(), d.operator(),
                d.amount() == null || d.currency() == null ? null
                        : new ScoringRuleRequest.Amount(d.amount(), d.currency()),
                d.months(), d.values(), d.signalType(), d.points(), d.decayPerWeek(), d.maxCount(), rule.active(),
                rule.createdAt(), rule.updatedAt(), rule.version());
    }
}

package io.channelops.sales.opportunity.web;

import io.channelops.sales.opportunity.StageChange;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The stages an opportunity went through, oldest first. The first entry has no {@code fromStage} (the opportunity
 * was opened); {@code daysInPreviousStage} counts the whole days spent in {@code fromStage}.
 */
@Schema(example = """
        {"opportunityId": "8e4f0a52-7d1b-4c57-9f0e-2b1a3c4d5e6f", "changes": [
          {"toStage": "PROSPECTING", "probability": 10, "changedAt": "2026-09-01T08:00:00Z",
           "changedBy": "u-rep-east1-a"},
          {"fromStage": "PROSPECTING", "toStage": "PROPOSAL", "probability": 50, "changedAt": "2026-09-15T10:00:00Z",
           "changedBy": "u-rep-east1-a", "daysInPreviousStage": 14, "note": "Proposal sent"}]}""")
public record StageHistoryResponse(String opportunityId, List<Entry> changes) {

    /** One stage entered. */
    public record Entry(@Nullable String fromStage, String toStage, int probability, Instant changedAt,
            String changedBy, @Nullable Long daysInPreviousStage, @Nullable String note) {
    }

    static StageHistoryResponse of(String opportunityId, List<StageChange> changes) {
        return new StageHistoryResponse(opportunityId, changes.stream()
                .map(c -> new Entry(c.fromStage(), c.toStage(), c.probability(), c.changedAt(), c.changedBy(),
                        c.daysInFromStage(), c.note()))
                .toList());
    }
}

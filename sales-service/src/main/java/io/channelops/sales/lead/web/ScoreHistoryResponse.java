package io.channelops.sales.lead.web;

import io.channelops.sales.lead.ScoreCause;
import io.channelops.sales.lead.ScoreHistoryEntry;
import io.channelops.sales.scoring.Band;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A lead's current score and every change of it, newest first. */
@Schema(example = """
        {"leadId": "5f0c8a7e-9a53-4a3e-b7f4-2f1d0c9e8b11", "score": 65, "band": "HOT",
         "changes": [
           {"oldScore": 45, "newScore": 65, "oldBand": "WARM", "newBand": "HOT", "cause": "SIGNAL",
            "detail": "DEMO_REQUESTED", "changedAt": "2026-06-14T09:12:01Z"},
           {"newScore": 45, "newBand": "WARM", "cause": "CREATED", "changedAt": "2026-06-14T08:30:00Z"}]}""")
public record ScoreHistoryResponse(String leadId, int score, Band band, List<Change> changes) {

    /** One change: old → new and its cause (CREATED, FIELDS_CHANGED, SIGNAL, RULES_CHANGED, TIME_PASSED). */
    public record Change(@Nullable Integer oldScore, int newScore, @Nullable Band oldBand, Band newBand,
            ScoreCause cause, @Nullable String detail, Instant changedAt) {

        static Change of(ScoreHistoryEntry entry) {
            return new Change(entry.oldScore(), entry.newScore(), entry.oldBand(), entry.newBand(), entry.cause(),
                    entry.detail(), entry.changedAt());
        }
    }
}

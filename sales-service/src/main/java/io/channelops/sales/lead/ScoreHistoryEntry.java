package io.channelops.sales.lead;

import io.channelops.sales.scoring.Band;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One change of a lead's score or band; the first entry (CREATED) has no old values. */
public record ScoreHistoryEntry(@Nullable Integer oldScore, int newScore, @Nullable Band oldBand, Band newBand,
        ScoreCause cause, @Nullable String detail, Instant changedAt) {
}

package io.channelops.sales.scoring.web;

import io.channelops.sales.scoring.ScoringSettings;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The band thresholds and the rule-set version; after a change, {@code rescoreJob} is the background rescore it
 * started.
 */
@Schema(example = """
        {"hotThreshold": 60, "warmThreshold": 30, "rulesVersion": 7, "updatedAt": "2026-06-14T10:00:00Z"}""")
public record ScoringSettingsResponse(int hotThreshold, int warmThreshold, long rulesVersion, Instant updatedAt,
        @Nullable RescoreJobResponse rescoreJob) {

    static ScoringSettingsResponse of(ScoringSettings settings, @Nullable RescoreJobResponse job) {
        return new ScoringSettingsResponse(settings.hotThreshold(), settings.warmThreshold(), settings.rulesVersion(),
                settings.updatedAt(), job);
    }
}

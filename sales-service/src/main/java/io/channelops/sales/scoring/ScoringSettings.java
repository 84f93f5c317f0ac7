package io.channelops.sales.scoring;

import java.time.Instant;

/**
 * The band thresholds and the version of the rule set.
 *
 * @param rulesVersion raised by every change of a rule or a threshold; a lead scored with an older version is due
 *     for rescoring
 */
public record ScoringSettings(int hotThreshold, int warmThreshold, long rulesVersion, Instant updatedAt) {

    public Band band(int score) {
        return Band.of(score, hotThreshold, warmThreshold);
    }
}

package io.channelops.sales.scoring;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A background rescore of every open lead, raised by a rule or threshold change.
 *
 * @param rulesVersion the rule-set version the leads are brought to
 * @param status PENDING, DONE, or SUPERSEDED when a later change's job took over before it finished
 * @param leadsRescored leads brought to the version by this job so far
 */
public record RescoreJob(String id, long rulesVersion, String reason, String status, int leadsRescored,
        String createdBy, Instant createdAt, @Nullable Instant finishedAt) {
}

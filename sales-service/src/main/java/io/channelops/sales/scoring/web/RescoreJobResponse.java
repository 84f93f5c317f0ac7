package io.channelops.sales.scoring.web;

import io.channelops.sales.scoring.RescoreJob;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A background rescore of every open lead; poll {@code GET /api/v1/lead-scoring/rescore-jobs/{id}}. */
@Schema(example = """
        {"id": "3e1d2c4b-5a6f-4e7d-8c9b-0a1b2c3d4e5f", "rulesVersion": 7, "reason": "rule 8d2f... changed",
         "status": "PENDING", "leadsRescored": 1200, "createdBy": "u-admin", "createdAt": "2026-06-14T10:00:00Z"}""")
public record RescoreJobResponse(String id, long rulesVersion, String reason,
        @Schema(description = "PENDING, DONE, or SUPERSEDED by a later change's job") String status,
        int leadsRescored, String createdBy, Instant createdAt, @Nullable Instant finishedAt) {

    static RescoreJobResponse of(RescoreJob job) {
        return new RescoreJobResponse(job.id(), job.rulesVersion(), job.reason(), job.status(), job.leadsRescored(),
                job.createdBy(), job.createdAt(), job.finishedAt());
    }
}

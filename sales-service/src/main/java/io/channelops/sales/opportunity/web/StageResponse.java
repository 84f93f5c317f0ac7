package io.channelops.sales.opportunity.web;

import io.channelops.sales.opportunity.PipelineStage;
import io.channelops.sales.opportunity.StageKind;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A stage of the pipeline; {@code stallDays} absent means deals never stall in it. */
@Schema(example = """
        {"code": "PROPOSAL", "name": "Proposal", "probability": 50, "kind": "OPEN", "stallDays": 21,
         "sortOrder": 30, "active": true, "updatedAt": "2026-09-01T08:00:00Z", "version": 0}""")
public record StageResponse(String code, String name, int probability, StageKind kind, @Nullable Integer stallDays,
        int sortOrder, boolean active, Instant updatedAt, long version) {

    static StageResponse of(PipelineStage stage) {
        return new StageResponse(stage.code(), stage.name(), stage.probability(), stage.kind(), stage.stallDays(),
                stage.sortOrder(), stage.active(), stage.updatedAt(), stage.version());
    }
}

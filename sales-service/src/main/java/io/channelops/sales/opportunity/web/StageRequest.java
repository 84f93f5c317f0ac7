package io.channelops.sales.opportunity.web;

import io.channelops.sales.opportunity.PipelineConfigService;
import io.channelops.sales.opportunity.StageKind;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Adds a stage to the pipeline. An open stage needs its default win probability; a won stage is always 100 and a
 * lost one 0. {@code stallDays} (open stages only; absent: never stalls) is the number of days without a stage change
 * or activity after which a deal in the stage counts as stalled. Without {@code sortOrder} the stage goes after the
 * others of its kind.
 */
@Schema(example = """
        {"code": "TECHNICAL_REVIEW", "name": "Technical review", "kind": "OPEN", "probability": 35,
         "stallDays": 10, "sortOrder": 25}""")
public record StageRequest(
        @NotNull @Pattern(regexp = "[A-Za-z][A-Za-z0-9_]{0,31}") String code,
        @NotBlank @Size(max = 100) String name,
        @NotNull StageKind kind,
        @Nullable @Min(0) @Max(100) Integer probability,
        @Nullable @Min(1) @Max(3650) Integer stallDays,
        @Nullable @Min(0) @Max(1_000_000) Integer sortOrder) {

    PipelineConfigService.NewStage toNewStage() {
        return new PipelineConfigService.NewStage(code, name, kind, probability, stallDays, sortOrder);
    }
}

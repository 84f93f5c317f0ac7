package io.channelops.sales.opportunity.web;

import io.channelops.sales.opportunity.PipelineConfigService;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Changes a stage; absent fields stay as they are. The code and kind cannot change. {@code neverStalls: true} removes
 * the stall threshold; {@code active: false} retires the stage (opportunities in it stay; at least one active stage
 * of each kind must remain). A new default probability applies at once to every open opportunity in the stage that
 * follows the default.
 */
@Schema(example = """
        {"probability": 40, "stallDays": 14}""")
public record StageChangeRequest(
        @Nullable @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*") String name,
        @Nullable @Min(0) @Max(100) Integer probability,
        @Nullable @Min(1) @Max(3650) Integer stallDays,
        @Nullable Boolean neverStalls,
        @Nullable @Min(0) @Max(1_000_000) Integer sortOrder,
        @Nullable Boolean active) {

    PipelineConfigService.StageUpdate toUpdate() {
        return new PipelineConfigService.StageUpdate(name, probability, stallDays, Boolean.TRUE.equals(neverStalls),
                sortOrder, active);
    }
}

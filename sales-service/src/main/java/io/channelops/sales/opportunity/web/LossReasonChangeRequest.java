package io.channelops.sales.opportunity.web;

import io.channelops.sales.opportunity.PipelineConfigService;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Changes a loss reason; absent fields stay. {@code active: false} retires it (deals lost for it keep it). */
@Schema(example = """
        {"name": "Price above budget", "active": true}""")
public record LossReasonChangeRequest(
        @Nullable @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*") String name,
        @Nullable @Min(0) @Max(1_000_000) Integer sortOrder,
        @Nullable Boolean active) {

    PipelineConfigService.LossReasonUpdate toUpdate() {
        return new PipelineConfigService.LossReasonUpdate(name, sortOrder, active);
    }
}

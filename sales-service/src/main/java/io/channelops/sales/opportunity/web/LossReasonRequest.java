package io.channelops.sales.opportunity.web;

import io.channelops.sales.opportunity.PipelineConfigService;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Adds a reason deals can be lost for; without {@code sortOrder} it goes last. */
@Schema(example = """
        {"code": "DELIVERY_TIME", "name": "Delivery time too long", "sortOrder": 65}""")
public record LossReasonRequest(
        @NotNull @Pattern(regexp = "[A-Za-z][A-Za-z0-9_]{0,31}") String code,
        @NotBlank @Size(max = 100) String name,
        @Nullable @Min(0) @Max(1_000_000) Integer sortOrder) {

    PipelineConfigService.NewLossReason toNewLossReason() {
        return new PipelineConfigService.NewLossReason(code, name, sortOrder);
    }
}

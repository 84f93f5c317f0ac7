package io.channelops.sales.scoring.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Band thresholds: HOT at or above {@code hotThreshold}, WARM at or above {@code warmThreshold} (lower), else COLD. */
@Schema(example = """
        {"hotThreshold": 60, "warmThreshold": 30}""")
public record ScoringSettingsRequest(@NotNull @Min(-100000) @Max(100000) Integer hotThreshold,
        @NotNull @Min(-100000) @Max(100000) Integer warmThreshold) {
}

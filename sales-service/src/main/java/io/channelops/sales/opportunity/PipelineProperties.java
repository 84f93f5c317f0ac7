package io.channelops.sales.opportunity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the pipeline, under {@code channelops.sales.pipeline}.
 *
 * @param defaultCurrency currency of an opportunity opened from a converted lead (its amount is 0 until the rep
 *     estimates it); {@code PIPELINE_DEFAULT_CURRENCY}
 * @param defaultCloseDays expected close of an opportunity opened from a lead: this many days after the conversion;
 *     {@code PIPELINE_DEFAULT_CLOSE_DAYS}
 * @param timeZone the zone business dates are taken in: the day a deal was won or lost, the days of a period;
 *     {@code PIPELINE_TIME_ZONE}
 * @param forecast how the forecast groups reps into teams and regions
 */
@Validated
@ConfigurationProperties("channelops.sales.pipeline")
public record PipelineProperties(
        @DefaultValue("CNY") @NotNull @Pattern(regexp = "[A-Z]{3}") String defaultCurrency,
        @DefaultValue("90") @Min(0) @Max(3650) int defaultCloseDays,
        @DefaultValue("UTC") @NotNull ZoneId timeZone,
        @DefaultValue @NotNull @Valid Forecast forecast) {

    /**
     * Which part of an org path is a region and which a team: the first {@code regionDepth} segments of
     * {@code /hq/east/team-1} ({@code /hq/east} for 2) name its region, the first {@code teamDepth} ({@code
     * /hq/east/team-1} for 3) its team. A shorter path is its own region or team.
     *
     * @param regionDepth {@code PIPELINE_FORECAST_REGION_DEPTH}
     * @param teamDepth {@code PIPELINE_FORECAST_TEAM_DEPTH}
     */
    public record Forecast(@DefaultValue("2") @Min(1) @Max(20) int regionDepth,
            @DefaultValue("3") @Min(1) @Max(20) int teamDepth) {
    }
}

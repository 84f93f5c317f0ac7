package io.channelops.sales.forecast.web;

import io.channelops.sales.forecast.ForecastPeriod;
import io.channelops.sales.forecast.ForecastService;
import io.channelops.sales.forecast.GroupBy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/forecast}: the weighted forecast over the caller's data scope, and managers' overrides per rep and
 * period kept beside it. Reading needs {@code opportunities:read}; setting or clearing an override
 * {@code forecast:override} for a rep within the caller's org subtree.
 */
@RestController
@RequestMapping("/api/v1/forecast")
@Tag(name = "Forecast", description = "Weighted forecast and managers' overrides")
class ForecastController {

    private static final String PERIOD = "A year (2026), a quarter (2026-Q4) or a month (2026-11)";

    private final ForecastService forecasts;

    ForecastController(ForecastService forecasts) {
        this.forecasts = forecasts;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('opportunities:read')")
    @Operation(summary = "Weighted forecast of a period", description = "Per rep, team or region and currency: the "
            + "open opportunities expected to close in the period (count, Σ amount, Σ amount × probability / 100) "
            + "and the deals won in it, over the opportunities in the caller's data scope; totals per currency. "
            + "Teams and regions are the first 3 and 2 segments of the owner's org path (/hq/east/team-1, /hq/east) "
            + "unless configured otherwise. Rep rows show a manager's override beside the computed figures.")
    ForecastResponse forecast(
            @Parameter(description = PERIOD, example = "2026-Q4") @RequestParam @Size(max = 10) String period,
            @Parameter(description = "rep, team or region", example = "team")
            @RequestParam(defaultValue = "rep") @Size(max = 10) String groupBy) {
        return ForecastResponse.of(forecasts.forecast(ForecastPeriod.parse(period), GroupBy.parse(groupBy)));
    }

    @GetMapping("/overrides/{repId}/{period}")
    @PreAuthorize("hasAuthority('opportunities:read')")
    @Operation(summary = "A rep's forecast with its override", description = "The computed figures per currency, "
            + "the override kept beside them and the history of overrides. 404 when the rep is unknown or outside the "
            + "caller's scope (a rep sees their own).")
    RepForecastResponse override(@PathVariable String repId,
            @Parameter(description = PERIOD, example = "2026-Q4") @PathVariable String period) {
        return RepForecastResponse.of(forecasts.ofRep(repId, ForecastPeriod.parse(period)));
    }

    @PutMapping("/overrides/{repId}/{period}")
    @PreAuthorize("hasAuthority('forecast:override')")
    @Operation(summary = "Override a rep's forecast", description = "Sets the manager's forecast for a rep within "
            + "the caller's org subtree (404 otherwise) and a period, beside the computed one; repeating it replaces "
            + "the override, every value stays in the history.")
    RepForecastResponse setOverride(@PathVariable String repId,
            @Parameter(description = PERIOD, example = "2026-Q4") @PathVariable String period,
            @Valid @RequestBody OverrideRequest request) {
        return RepForecastResponse.of(forecasts.override(repId, ForecastPeriod.parse(period), request.toMoney(),
                request.note()));
    }

    @DeleteMapping("/overrides/{repId}/{period}")
    @PreAuthorize("hasAuthority('forecast:override')")
    @Operation(summary = "Clear a rep's forecast override", description = "The computed forecast applies alone "
            + "again; the history keeps the cleared override. 404 when none is set.")
    ResponseEntity<Void> clearOverride(@PathVariable String repId,
            @Parameter(description = PERIOD, example = "2026-Q4") @PathVariable String period) {
        forecasts.clearOverride(repId, ForecastPeriod.parse(period));
        return ResponseEntity.noContent().build();
    }
}

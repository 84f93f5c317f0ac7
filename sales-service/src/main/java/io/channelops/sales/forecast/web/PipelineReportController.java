package io.channelops.sales.forecast.web;

import io.channelops.sales.forecast.PipelineReportService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/pipeline/funnel} and {@code /api/v1/pipeline/loss-reasons}: the pipeline by stage and the analysis
 * of lost deals over the opportunities in the caller's data scope ({@code opportunities:read}). Without dates both
 * cover the current quarter.
 */
@RestController
@RequestMapping("/api/v1/pipeline")
@Tag(name = "Pipeline reports", description = "Funnel by stage and loss-reason analysis")
class PipelineReportController {

    private final PipelineReportService reports;

    PipelineReportController(PipelineReportService reports) {
        this.reports = reports;
    }

    @GetMapping("/funnel")
    @PreAuthorize("hasAuthority('opportunities:read')")
    @Operation(summary = "Pipeline by stage (funnel)", description = "Over the opportunities opened between from and "
            + "to (both included): per stage how many are in it now with Σ amount and Σ weighted amount per "
            + "currency, how many reached it (entered it or a later open stage, or were won), and the conversion in "
            + "percent from each open stage to the next (the last open stage to won); plus the win rate, won ÷ "
            + "(won + lost). 400 INVALID_DATE_RANGE when from is after to.")
    FunnelResponse funnel(
            @Parameter(description = "First day opened; default: first day of the current quarter",
                    example = "2026-07-01")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @Parameter(description = "Last day opened; default: last day of the current quarter",
                    example = "2026-09-30")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        return FunnelResponse.of(reports.funnel(reports.range(from, to)));
    }

    @GetMapping("/loss-reasons")
    @PreAuthorize("hasAuthority('opportunities:read')")
    @Operation(summary = "Loss-reason analysis", description = "The deals lost between from and to (both included): "
            + "count, share and Σ amount per currency per loss reason and per named competitor, the most frequent "
            + "first. The configurable list of reasons is at /api/v1/pipeline/loss-reason-codes.")
    LossAnalysisResponse lossReasons(
            @Parameter(description = "First day lost; default: first day of the current quarter",
                    example = "2026-07-01")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @Parameter(description = "Last day lost; default: last day of the current quarter",
                    example = "2026-09-30")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        return LossAnalysisResponse.of(reports.lossReasons(reports.range(from, to)));
    }
}

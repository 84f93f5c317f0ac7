package io.channelops.sales.forecast.web;

import io.channelops.sales.forecast.PipelineReportService;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The deals lost between {@code from} and {@code to}: in total, per loss reason and per named competitor, each with
 * its count, its share of the lost deals in percent and Σ amount per currency, the most frequent first.
 */
@Schema(example = """
        {"from": "2026-07-01", "to": "2026-09-30", "lost": 4,
         "amounts": [{"currency": "CNY", "count": 4, "amount": 410000.00}],
         "byReason": [{"key": "PRICE", "name": "Price too high", "count": 3, "share": 75.0,
                       "amounts": [{"currency": "CNY", "count": 3, "amount": 330000.00}]},
                      {"key": "TIMING", "name": "Bad timing", "count": 1, "share": 25.0,
                       "amounts": [{"currency": "CNY", "count": 1, "amount": 80000.00}]}],
         "byCompetitor": [{"key": "Grundfos", "count": 2, "share": 50.0,
                           "amounts": [{"currency": "CNY", "count": 2, "amount": 250000.00}]}]}""")
public record LossAnalysisResponse(LocalDate from, LocalDate to, long lost, List<FunnelResponse.Amount> amounts,
        List<Group> byReason, List<Group> byCompetitor) {

    /** The deals lost for one reason or to one competitor. */
    public record Group(String key, @Nullable String name, long count, @Nullable BigDecimal share,
            List<FunnelResponse.Amount> amounts) {
    }

    static LossAnalysisResponse of(PipelineReportService.LossAnalysis analysis) {
        return new LossAnalysisResponse(analysis.range().from(), analysis.range().to(), analysis.lost(),
                FunnelResponse.amounts(analysis.amounts()), groups(analysis.byReason()),
                groups(analysis.byCompetitor()));
    }

    private static List<Group> groups(List<PipelineReportService.LossGroup> groups) {
        return groups.stream().map(g -> new Group(g.key(), g.name(), g.count(), g.share(),
                FunnelResponse.amounts(g.amounts()))).toList();
    }
}

package io.channelops.sales.forecast.web;

import io.channelops.sales.forecast.PipelineReportService;
import io.channelops.sales.opportunity.StageKind;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The pipeline by stage of the opportunities opened between {@code from} and {@code to}: per stage how many are in
 * it now (with Σ amount and Σ weighted amount per currency), how many reached it, and the conversion in percent to the
 * next open stage (for the last open stage: to won).
 */
@Schema(example = """
        {"from": "2026-07-01", "to": "2026-09-30", "opportunities": 10, "won": 2, "lost": 2, "winRate": 50.0,
         "stages": [
          {"stage": "PROSPECTING", "name": "Prospecting", "kind": "OPEN", "count": 3,
           "amounts": [{"currency": "CNY", "count": 3, "amount": 300000.00, "weightedAmount": 30000.00}],
           "reached": 10, "conversionToNext": 70.0},
          {"stage": "QUALIFICATION", "name": "Qualification", "kind": "OPEN", "count": 1,
           "amounts": [{"currency": "CNY", "count": 1, "amount": 50000.00, "weightedAmount": 10000.00}],
           "reached": 7, "conversionToNext": 85.7},
          {"stage": "WON", "name": "Won", "kind": "WON", "count": 2,
           "amounts": [{"currency": "CNY", "count": 2, "amount": 240000.00, "weightedAmount": 240000.00}],
           "reached": 2}]}""")
public record FunnelResponse(LocalDate from, LocalDate to, long opportunities, long won, long lost,
        @Nullable BigDecimal winRate, List<Stage> stages) {

    /** One stage of the funnel. */
    public record Stage(String stage, String name, StageKind kind, long count, List<Amount> amounts, long reached,
            @Nullable BigDecimal conversionToNext) {
    }

    /** Σ in one currency. */
    public record Amount(String currency, long count, BigDecimal amount, @Nullable BigDecimal weightedAmount) {
    }

    static FunnelResponse of(PipelineReportService.Funnel funnel) {
        return new FunnelResponse(funnel.range().from(), funnel.range().to(), funnel.opportunities(), funnel.won(),
                funnel.lost(), funnel.winRate(), funnel.stages().stream()
                .map(s -> new Stage(s.stage(), s.name(), s.kind(), s.count(), amounts(s.amounts()), s.reached(),
                        s.conversionToNext()))
                .toList());
    }

    static List<Amount> amounts(List<PipelineReportService.Amounts> amounts) {
        return amounts.stream().map(a -> new Amount(a.currency(), a.count(), a.amount(), a.weighted())).toList();
    }
}

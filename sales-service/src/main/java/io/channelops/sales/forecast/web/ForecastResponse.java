package io.channelops.sales.forecast.web;

import io.channelops.sales.forecast.ForecastService;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The weighted forecast of a period per rep, team or region and currency, with totals per currency. On rep rows the
 * manager's override (if any, in its currency) is shown beside the computed figures.
 */
@Schema(example = """
        {"period": "2026-Q4", "from": "2026-10-01", "to": "2026-12-31", "groupBy": "rep",
         "rows": [{"key": "u-rep-east1-a", "currency": "CNY", "openCount": 3, "openAmount": 450000.00,
                   "weightedAmount": 187500.00, "wonCount": 1, "wonAmount": 120000.00,
                   "override": {"action": "SET", "amount": {"amount": 200000.00, "currency": "CNY"},
                                "note": "Suzhou order comes in", "setBy": "u-manager-east1",
                                "setAt": "2026-10-05T02:00:00Z"}}],
         "totals": [{"currency": "CNY", "openCount": 3, "openAmount": 450000.00, "weightedAmount": 187500.00,
                     "wonCount": 1, "wonAmount": 120000.00}]}""")
public record ForecastResponse(String period, LocalDate from, LocalDate to, String groupBy, List<Row> rows,
        List<FiguresResponse> totals) {

    /** One rep, team or region in one currency. */
    public record Row(String key, String currency, long openCount, BigDecimal openAmount, BigDecimal weightedAmount,
            long wonCount, BigDecimal wonAmount, @Nullable OverrideResponse override) {
    }

    static ForecastResponse of(ForecastService.Forecast forecast) {
        return new ForecastResponse(forecast.period().code(), forecast.period().from(), forecast.period().to(),
                forecast.groupBy().name().toLowerCase(java.util.Locale.ROOT),
                forecast.rows().stream().map(row -> new Row(row.key(), row.figures().currency(),
                        row.figures().openCount(), row.figures().openAmount(), row.figures().weightedAmount(),
                        row.figures().wonCount(), row.figures().wonAmount(), OverrideResponse.of(row.override())))
                        .toList(),
                forecast.totals().stream().map(FiguresResponse::of).toList());
    }
}

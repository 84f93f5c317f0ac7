package io.channelops.sales.forecast.web;

import io.channelops.sales.forecast.ForecastService;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One rep's forecast of a period: the computed figures per currency, the manager's override kept beside them (absent
 * when none is set) and every override set or cleared, oldest first.
 */
@Schema(example = """
        {"repId": "u-rep-east1-a", "period": "2026-Q4", "from": "2026-10-01", "to": "2026-12-31",
         "computed": [{"currency": "CNY", "openCount": 3, "openAmount": 450000.00, "weightedAmount": 187500.00,
                       "wonCount": 1, "wonAmount": 120000.00}],
         "override": {"action": "SET", "amount": {"amount": 200000.00, "currency": "CNY"},
                      "note": "Suzhou order comes in", "setBy": "u-manager-east1", "setAt": "2026-10-05T02:00:00Z"},
         "history": [{"action": "SET", "amount": {"amount": 200000.00, "currency": "CNY"},
                      "note": "Suzhou order comes in", "setBy": "u-manager-east1",
                      "setAt": "2026-10-05T02:00:00Z"}]}""")
public record RepForecastResponse(String repId, String period, LocalDate from, LocalDate to,
        List<FiguresResponse> computed, @Nullable OverrideResponse override, List<OverrideResponse> history) {

    static RepForecastResponse of(ForecastService.RepForecast forecast) {
        return new RepForecastResponse(forecast.repId(), forecast.period().code(), forecast.period().from(),
                forecast.period().to(), forecast.computed().stream().map(FiguresResponse::of).toList(),
                OverrideResponse.of(forecast.override()),
                forecast.history().stream().map(OverrideResponse::of).toList());
    }
}

package io.channelops.sales.forecast.web;

import io.channelops.sales.forecast.ForecastOverride;
import io.channelops.sales.money.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A manager's forecast for a rep and period, kept beside the computed one. In a history, {@code action} is
 * {@code SET} or {@code CLEARED} (without amount).
 */
@Schema(example = """
        {"action": "SET", "amount": {"amount": 200000.00, "currency": "CNY"},
         "note": "Two deals slip to Q1, the Suzhou order comes in", "setBy": "u-manager-east1",
         "setAt": "2026-10-05T02:00:00Z"}""")
public record OverrideResponse(String action, @Nullable Money amount, @Nullable String note, String setBy,
        Instant setAt) {

    static @Nullable OverrideResponse of(@Nullable ForecastOverride override) {
        return override == null ? null : new OverrideResponse(override.action(), override.amount(), override.note(),
                override.setBy(), override.setAt());
    }
}

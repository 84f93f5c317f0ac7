package io.channelops.sales.forecast;

import io.channelops.sales.money.Money;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A manager's forecast for one rep and period, kept beside the computed one: the amount they commit to, why, who set
 * it and when. In the history, {@code action} is {@code SET} or {@code CLEARED} (then without amount).
 */
public record ForecastOverride(String repId, String period, String action, @Nullable Money amount,
        @Nullable String note, String setBy, Instant setAt) {
}

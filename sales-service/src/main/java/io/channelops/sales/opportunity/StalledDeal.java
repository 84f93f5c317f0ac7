package io.channelops.sales.opportunity;

import io.channelops.sales.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * An open opportunity without a stage change or activity for longer than its stage's stall threshold.
 *
 * @param lastMovementAt the later of {@code stageEnteredAt} and {@code lastActivityAt}
 * @param daysStalled whole days since {@code lastMovementAt}
 * @param stallThresholdDays the stage's threshold the opportunity is past
 */
public record StalledDeal(String id, String name, String customerId, String stage, Money amount,
        LocalDate expectedCloseDate, Instant stageEnteredAt, @Nullable Instant lastActivityAt, Instant lastMovementAt,
        long daysStalled, int stallThresholdDays, String ownerId, String orgPath) {
}

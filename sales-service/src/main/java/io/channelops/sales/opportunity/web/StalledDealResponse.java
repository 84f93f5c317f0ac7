package io.channelops.sales.opportunity.web;

import io.channelops.sales.money.Money;
import io.channelops.sales.opportunity.StalledDeal;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * An open opportunity without a stage change or activity for longer than its stage allows: {@code daysStalled}
 * whole days since {@code lastMovementAt} (the later of the last stage change and the last activity), more than the
 * stage's {@code stallThresholdDays}.
 */
@Schema(example = """
        {"id": "8e4f0a52-7d1b-4c57-9f0e-2b1a3c4d5e6f", "name": "Pumps for the Suzhou plant extension",
         "customerId": "5d0c7a7e-2f0b-4c1e-8a57-1c2d3e4f5a6b", "stage": "PROPOSAL",
         "amount": {"amount": 250000.00, "currency": "CNY"}, "expectedCloseDate": "2026-11-30",
         "stageEnteredAt": "2026-09-15T10:00:00Z", "lastActivityAt": "2026-09-20T10:00:00Z",
         "lastMovementAt": "2026-09-20T10:00:00Z", "daysStalled": 26, "stallThresholdDays": 21,
         "ownerId": "u-rep-east1-a", "orgPath": "/hq/east/team-1"}""")
public record StalledDealResponse(String id, String name, String customerId, String stage, Money amount,
        LocalDate expectedCloseDate, Instant stageEnteredAt, @Nullable Instant lastActivityAt, Instant lastMovementAt,
        long daysStalled, int stallThresholdDays, String ownerId, String orgPath) {

    static StalledDealResponse of(StalledDeal deal) {
        return new StalledDealResponse(deal.id(), deal.name(), deal.customerId(), deal.stage(), deal.amount(),
                deal.expectedCloseDate(), deal.stageEnteredAt(), deal.lastActivityAt(), deal.lastMovementAt(),
                deal.daysStalled(), deal.stallThresholdDays(), deal.ownerId(), deal.orgPath());
    }
}

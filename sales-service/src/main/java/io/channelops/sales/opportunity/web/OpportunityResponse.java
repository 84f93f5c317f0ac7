package io.channelops.sales.opportunity.web;

import io.channelops.sales.money.Money;
import io.channelops.sales.opportunity.Opportunity;
import io.channelops.sales.opportunity.OpportunityProduct;
import io.channelops.sales.opportunity.OpportunityStatus;
import io.channelops.sales.opportunity.PipelineStage;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An opportunity as the API shows it. {@code probability} is the win probability that applies now: the rep's own
 * when {@code probabilityOverridden}, else the stage's default (100 for won, 0 for lost).
 */
@Schema(example = """
        {"id": "8e4f0a52-7d1b-4c57-9f0e-2b1a3c4d5e6f", "name": "Pumps for the Suzhou plant extension",
         "customerId": "5d0c7a7e-2f0b-4c1e-8a57-1c2d3e4f5a6b", "amount": {"amount": 250000.00, "currency": "CNY"},
         "expectedCloseDate": "2026-11-30",
         "products": [{"productId": "0b7c3f0e-6a57-4d0e-9a55-3f2f1c9b8e21", "quantity": 40}],
         "competitor": "Grundfos", "stage": "QUALIFICATION", "stageName": "Qualification", "probability": 20,
         "probabilityOverridden": false, "status": "OPEN", "stageEnteredAt": "2026-09-01T08:00:00Z",
         "lastMovementAt": "2026-09-03T09:30:00Z", "lastActivityAt": "2026-09-03T09:30:00Z",
         "ownerId": "u-rep-east1-a", "orgPath": "/hq/east/team-1", "createdBy": "u-rep-east1-a",
         "createdAt": "2026-09-01T08:00:00Z", "updatedAt": "2026-09-01T08:00:00Z", "version": 0}""")
public record OpportunityResponse(String id, String name, String customerId, Money amount,
        LocalDate expectedCloseDate, List<ProductLineResponse> products, @Nullable String competitor, String stage,
        String stageName, int probability, boolean probabilityOverridden, OpportunityStatus status,
        @Nullable String lossReason, @Nullable String closeNote, @Nullable Instant closedAt,
        @Nullable LocalDate closedOn, @Nullable String sourceLeadId, Instant stageEnteredAt,
        Instant lastMovementAt, @Nullable Instant lastActivityAt, String ownerId, String orgPath, String createdBy,
        Instant createdAt, Instant updatedAt, long version) {

    /** A product line; {@code amount} only when the rep estimated it. */
    public record ProductLineResponse(String productId, long quantity, @Nullable Money amount) {
    }

    static OpportunityResponse of(Opportunity opportunity, Map<String, PipelineStage> stages) {
        PipelineStage stage = stages.get(opportunity.stageCode());
        if (stage == null) {
            throw new IllegalStateException("Stage " + opportunity.stageCode() + " of opportunity "
                    + opportunity.id() + " is not configured");
        }
        String currency = opportunity.amount().currency();
        return new OpportunityResponse(opportunity.id(), opportunity.name(), opportunity.customerId(),
                opportunity.amount(), opportunity.expectedCloseDate(),
                opportunity.products().stream().map(line -> line(line, currency)).toList(), opportunity.competitor(),
                stage.code(), stage.name(), opportunity.probability(stage),
                opportunity.probabilityOverride() != null, opportunity.status(), opportunity.lossReason(),
                opportunity.closeNote(), opportunity.closedAt(), opportunity.closedOn(), opportunity.sourceLeadId(),
                opportunity.stageEnteredAt(), opportunity.lastMovementAt(), opportunity.lastActivityAt(),
                opportunity.ownership().ownerId(), opportunity.ownership().orgPath(), opportunity.createdBy(),
                opportunity.createdAt(), opportunity.updatedAt(), opportunity.version());
    }

    private static ProductLineResponse line(OpportunityProduct line, String currency) {
        return new ProductLineResponse(line.productId(), line.quantity(),
                line.amount() == null ? null : new Money(line.amount(), currency));
    }
}

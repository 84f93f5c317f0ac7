package io.channelops.sales.opportunity.web;

import io.channelops.sales.opportunity.ActivityKind;
import io.channelops.sales.opportunity.OpportunityActivity;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** An activity logged on an opportunity. */
@Schema(example = """
        {"id": "c1a2b3c4-d5e6-4f70-8192-a3b4c5d6e7f8", "opportunityId": "8e4f0a52-7d1b-4c57-9f0e-2b1a3c4d5e6f",
         "kind": "CALL", "text": "Called the purchasing manager, decision expected next week",
         "occurredAt": "2026-09-03T09:30:00Z", "recordedBy": "u-rep-east1-a"}""")
public record ActivityResponse(String id, String opportunityId, ActivityKind kind, String text, Instant occurredAt,
        String recordedBy) {

    static ActivityResponse of(OpportunityActivity activity) {
        return new ActivityResponse(activity.id(), activity.opportunityId(), activity.kind(), activity.text(),
                activity.occurredAt(), activity.recordedBy());
    }
}

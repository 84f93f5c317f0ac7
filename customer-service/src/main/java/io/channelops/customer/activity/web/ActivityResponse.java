package io.channelops.customer.activity.web;

import io.channelops.customer.activity.Activity;
import io.channelops.customer.activity.ActivityType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An activity as the API shows it. {@code loggedBy}, {@code loggedAt}, {@code ownerId} and {@code orgPath} are set by
 * the server: the ownership is the customer's when the activity was logged.
 */
@Schema(example = """
        {"id": "3d0c9a51-7f6e-4b2a-8c1d-5e4f3a2b1c0d", "customerId": "0b6f1c7a-5e2d-4a8b-9c3d-2e1f0a9b8c7d",
         "type": "VISIT", "occurredAt": "2026-03-02T06:30:00Z", "loggedBy": "u-rep-east1-a",
         "loggedAt": "2026-03-02T09:12:44Z", "subject": "Quarterly review at the Pudong store",
         "details": "Walked the shop floor with the store manager; shelf space for the new line agreed.",
         "outcome": "Order for the spring range expected next week", "nextStep": "Send the spring price list",
         "durationMinutes": 90, "location": "Pudong store, Shanghai", "purpose": "Quarterly business review",
         "contactIds": ["6f1c2a7e-1d2b-4c55-9a0e-3c7f2f9d8b11"],
         "followUpTaskId": "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d", "correctedAt": null,
         "ownerId": "u-rep-east1-a", "orgPath": "/hq/east/team-1", "version": 0}""")
public record ActivityResponse(String id, String customerId, ActivityType type, Instant occurredAt,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY, description = "Who logged it (the caller)") String loggedBy,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) Instant loggedAt,
        String subject, @Nullable String details, @Nullable String outcome, @Nullable String nextStep,
        @Nullable Integer durationMinutes, @Nullable String location, @Nullable String purpose,
        List<String> contactIds,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY, description = "The follow-up task created with it")
        @Nullable String followUpTaskId,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY, description = "When its author last corrected it")
        @Nullable Instant correctedAt,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY, description = "The customer's owner when it was logged")
        String ownerId,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY, description = "The customer's org unit when it was logged",
                example = "/hq/east/team-1")
        String orgPath,
        long version) {

    static ActivityResponse of(Activity activity) {
        return new ActivityResponse(activity.id(), activity.customerId(), activity.type(), activity.occurredAt(),
                activity.loggedBy(), activity.loggedAt(), activity.subject(), activity.details(), activity.outcome(),
                activity.nextStep(), activity.durationMinutes(), activity.location(), activity.purpose(),
                activity.contactIds().stream().sorted().toList(), activity.followUpTaskId(), activity.correctedAt(),
                activity.ownership().ownerId(), activity.ownership().orgPath(), activity.version());
    }
}

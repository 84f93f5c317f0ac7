package io.channelops.customer.ownership.web;

import io.channelops.customer.ownership.AssignmentEntry;
import io.channelops.customer.ownership.AssignmentKind;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** One change of a customer's owner. */
@Schema(example = """
        {"id": "c2b1f0a4-8e7d-4a3b-9c61-2d5e8f7a1b34", "customerId": "5f0c8a4e-1b7d-4c1e-9a53-0f6f1d2a9b10",
         "kind": "RETURNED_TO_POOL", "fromOwnerId": "u-rep-east1-a", "fromOrgPath": "/hq/east/team-1",
         "toOwnerId": "pool", "toOrgPath": "/hq/east/team-1", "toOpenPool": true,
         "reason": "no activity for 30 days", "assignedBy": "system", "assignedAt": "2026-10-03T02:00:00Z"}""")
public record AssignmentResponse(String id, String customerId,
        @Schema(description = "ASSIGNED, TRANSFERRED, RETURNED_TO_POOL, RELEASED_TO_POOL or CLAIMED")
        AssignmentKind kind,
        String fromOwnerId, String fromOrgPath, String toOwnerId, String toOrgPath, boolean toOpenPool,
        String reason,
        @Schema(description = "Who made the change: a user id, or `system` for the reclaim job")
        String assignedBy,
        Instant assignedAt) {

    static AssignmentResponse of(AssignmentEntry entry) {
        return new AssignmentResponse(entry.id(), entry.customerId(), entry.kind(), entry.from().ownerId(),
                entry.from().orgPath(), entry.to().ownerId(), entry.to().orgPath(), entry.toOpenPool(),
                entry.reason(), entry.assignedBy(), entry.assignedAt());
    }
}

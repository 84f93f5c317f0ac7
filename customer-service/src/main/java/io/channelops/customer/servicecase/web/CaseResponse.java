package io.channelops.customer.servicecase.web;

import io.channelops.customer.servicecase.CaseCategory;
import io.channelops.customer.servicecase.CasePriority;
import io.channelops.customer.servicecase.CaseStatus;
import io.channelops.customer.servicecase.ServiceCase;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A service case as the API shows it, with its SLA deadlines and whether they are breached now. */
@Schema(example = """
        {"id": "9d2f6b1e-4c8a-4e3f-b7a1-5c0d2e9f8a61", "customerId": "5f0c8a4e-1b7d-4c1e-9a53-0f6f1d2a9b10",
         "category": "COMPLAINT", "priority": "HIGH", "subject": "Damaged pallets in delivery DN-2026-0042",
         "description": "Three of twelve pallets arrived with crushed cartons.", "contactId": "ct-7f3a9c",
         "status": "IN_PROGRESS", "assigneeId": "u-rep-east1-b", "openedBy": "u-rep-east1-a",
         "openedAt": "2026-10-05T01:00:00Z", "firstResponseDueAt": "2026-10-05T03:00:00Z",
         "resolutionDueAt": "2026-10-06T01:00:00Z", "firstRespondedAt": "2026-10-05T01:40:00Z",
         "firstResponseBreached": false, "resolutionBreached": false, "ownerId": "u-rep-east1-a",
         "orgPath": "/hq/east/team-1", "updatedAt": "2026-10-05T01:40:00Z", "version": 2}""")
public record CaseResponse(String id, String customerId, CaseCategory category, CasePriority priority,
        String subject, String description, @Nullable String contactId, CaseStatus status,
        @Nullable String assigneeId, String openedBy, Instant openedAt, Instant firstResponseDueAt,
        Instant resolutionDueAt,
        @Schema(description = "First status change or comment by someone other than the opener (or the resolution)")
        @Nullable Instant firstRespondedAt,
        @Nullable Instant resolvedAt, @Nullable String resolution, @Nullable Instant closedAt,
        @Nullable Integer satisfactionScore,
        @Schema(description = "No first response past its deadline, or it came after it")
        boolean firstResponseBreached,
        @Schema(description = "Unresolved past its deadline, or resolved after it")
        boolean resolutionBreached,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY,
                description = "The customer's owner when the case was opened")
        String ownerId,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY,
                description = "The customer's org unit when the case was opened")
        String orgPath,
        Instant updatedAt, long version) {

    static CaseResponse of(ServiceCase c, Instant now) {
        return new CaseResponse(c.id(), c.customerId(), c.category(), c.priority(), c.subject(), c.description(),
                c.contactId(), c.status(), c.assigneeId(), c.openedBy(), c.openedAt(), c.firstResponseDueAt(),
                c.resolutionDueAt(), c.firstRespondedAt(), c.resolvedAt(), c.resolution(), c.closedAt(),
                c.satisfactionScore(), c.firstResponseBreached(now), c.resolutionBreached(now),
                c.ownership().ownerId(), c.ownership().orgPath(), c.updatedAt(), c.version());
    }
}

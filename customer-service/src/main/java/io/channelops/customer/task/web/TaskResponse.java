package io.channelops.customer.task.web;

import io.channelops.customer.task.Task;
import io.channelops.customer.task.TaskStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A task as the API shows it. {@code orgPath} is the assignee's org unit; status changes by actions only. */
@Schema(example = """
        {"id": "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d", "title": "Send the spring price list",
         "notes": "Include the volume discount table", "dueDate": "2026-03-05", "status": "OPEN",
         "assigneeId": "u-rep-east1-b", "orgPath": "/hq/east/team-1",
         "customerId": "0b6f1c7a-5e2d-4a8b-9c3d-2e1f0a9b8c7d", "activityId": "3d0c9a51-7f6e-4b2a-8c1d-5e4f3a2b1c0d",
         "createdBy": "u-manager-east1", "createdAt": "2026-03-02T09:12:44Z", "updatedAt": "2026-03-02T09:12:44Z",
         "completedAt": null, "cancelledAt": null, "closedBy": null, "version": 0}""")
public record TaskResponse(String id, String title, @Nullable String notes, LocalDate dueDate,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) TaskStatus status,
        String assigneeId,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY, description = "The assignee's org unit",
                example = "/hq/east/team-1")
        String orgPath,
        @Nullable String customerId, @Nullable String activityId,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) String createdBy,
        Instant createdAt, Instant updatedAt, @Nullable Instant completedAt, @Nullable Instant cancelledAt,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY, description = "Who completed or cancelled it")
        @Nullable String closedBy,
        long version) {

    static TaskResponse of(Task task) {
        return new TaskResponse(task.id(), task.title(), task.notes(), task.dueDate(), task.status(),
                task.assigneeId(), task.ownership().orgPath(), task.customerId(), task.activityId(),
                task.createdBy(), task.createdAt(), task.updatedAt(), task.completedAt(), task.cancelledAt(),
                task.closedBy(), task.version());
    }
}

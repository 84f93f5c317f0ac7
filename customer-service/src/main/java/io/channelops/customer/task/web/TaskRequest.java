package io.channelops.customer.task.web;

import io.channelops.customer.task.TaskService;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Creates a task. Without an assignee it is the caller's; a customer and an activity it follows up are optional. */
@Schema(example = """
        {"title": "Send the spring price list", "notes": "Include the volume discount table",
         "dueDate": "2026-03-05", "assigneeId": "u-rep-east1-b", "customerId": "0b6f1c7a-5e2d-4a8b-9c3d-2e1f0a9b8c7d",
         "activityId": "3d0c9a51-7f6e-4b2a-8c1d-5e4f3a2b1c0d"}""")
public record TaskRequest(
        @NotBlank @Size(max = 200) String title,
        @Nullable @Size(max = 2000) String notes,
        @Schema(description = "From a year ago to 5 years ahead") @NotNull LocalDate dueDate,
        @Schema(description = "User id of the assignee (me or absent: the caller). A rep may assign only to "
                + "themselves, a manager to active users of their org subtree.")
        @Nullable @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}") String assigneeId,
        @Schema(description = "The customer it is about; must be visible to the caller")
        @Nullable @Pattern(regexp = "[A-Za-z0-9-]{1,36}") String customerId,
        @Schema(description = "The activity it follows up; its customer becomes the task's customer")
        @Nullable @Pattern(regexp = "[A-Za-z0-9-]{1,36}") String activityId) {

    TaskService.NewTask toNewTask() {
        return new TaskService.NewTask(title.strip(), notes == null || notes.isBlank() ? null : notes.strip(),
                dueDate, assigneeId, customerId, activityId);
    }
}

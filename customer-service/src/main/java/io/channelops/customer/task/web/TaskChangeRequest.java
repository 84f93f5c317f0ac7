package io.channelops.customer.task.web;

import io.channelops.customer.task.TaskService;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Changes an open task: absent fields stay, empty notes are removed, a new assignee reassigns it. */
@Schema(example = """
        {"dueDate": "2026-03-09", "assigneeId": "u-rep-east1-a"}""")
public record TaskChangeRequest(
        @Nullable @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*") String title,
        @Nullable @Size(max = 2000) String notes,
        @Nullable LocalDate dueDate,
        @Schema(description = "Reassigns the task (same rules as on create)")
        @Nullable @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}") String assigneeId) {

    TaskService.Change toChange() {
        return new TaskService.Change(title == null ? null : title.strip(), notes == null ? null : notes.strip(),
                dueDate, assigneeId);
    }
}

package io.channelops.customer.task.web;

import io.channelops.customer.customer.CustomerLevel;
import io.channelops.customer.task.NeglectedCustomers;
import io.channelops.customer.task.Task;
import io.channelops.customer.task.TaskService;
import io.channelops.customer.task.TaskStatus;
import io.channelops.platform.web.ETags;
import io.channelops.platform.web.PageResponse;
import io.channelops.platform.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/tasks}: follow-up tasks and reminders, the caller's overdue and due-today lists, and the customers
 * nobody has followed up. Reads need {@code customers:read}, changes {@code customers:write}; a task is served only
 * when its assignee's ownership is in the caller's data scope (404 otherwise, lists filtered).
 */
@RestController
@RequestMapping("/api/v1/tasks")
@Tag(name = "Tasks", description = "Follow-up tasks, reminders and neglected customers")
class TaskController {

    private static final String USER = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    private static final Set<String> SORTS = Set.of("dueDate", "createdAt", "title");
    private static final Sort DUE_FIRST = Sort.by(Sort.Order.asc("dueDate"), Sort.Order.asc("createdAt"),
            Sort.Order.asc("id"));

    static final String PAGE = """
            {"content": [{"id": "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d", "title": "Send the spring price list",
              "notes": null, "dueDate": "2026-03-05", "status": "OPEN", "assigneeId": "u-rep-east1-a",
              "orgPath": "/hq/east/team-1", "customerId": "0b6f1c7a-5e2d-4a8b-9c3d-2e1f0a9b8c7d",
              "activityId": null, "createdBy": "u-rep-east1-a", "createdAt": "2026-03-02T09:12:44Z",
              "updatedAt": "2026-03-02T09:12:44Z", "completedAt": null, "cancelledAt": null, "closedBy": null,
              "version": 0}],
             "page": {"number": 0, "size": 20, "totalElements": 1, "totalPages": 1}}""";
    static final String NOT_FOUND = """
            {"type": "https://channelops.io/problems/not-found", "title": "Not found", "status": 404,
             "code": "NOT_FOUND", "detail": "task 9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d was not found",
             "traceId": "4bf92f3577b34da6a3ce929d0e0e4736"}""";
    static final String ILLEGAL = """
            {"type": "https://channelops.io/problems/illegal-state-transition", "title": "Action not allowed in this state",
             "status": 409,
             "code": "ILLEGAL_STATE_TRANSITION",
             "detail": "Cannot complete task 9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d in state CANCELLED",
             "traceId": "4bf92f3577b34da6a3ce929d0e0e4736"}""";
    static final String ASSIGNEE = """
            {"type": "https://channelops.io/problems/assignee-out-of-scope", "title": "Assignee out of scope",
             "status": 422, "code": "ASSIGNEE_OUT_OF_SCOPE",
             "detail": "User u-rep-west1-a is outside the org units you manage",
             "traceId": "4bf92f3577b34da6a3ce929d0e0e4736"}""";

    private final TaskService tasks;
    private final NeglectedCustomers neglected;

    TaskController(TaskService tasks, NeglectedCustomers neglected) {
        this.tasks = tasks;
        this.neglected = neglected;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('customers:write')")
    @Operation(summary = "Create a task", description = "Send an Idempotency-Key to make retries safe. Without "
            + "assigneeId the task is the caller's. A rep may assign only to themselves; a manager to active users "
            + "of their org subtree (422 UNKNOWN_ASSIGNEE, ASSIGNEE_OUT_OF_SCOPE). customerId and activityId must be "
            + "visible to the caller (404); an activity of another customer than customerId is 422 "
            + "ACTIVITY_NOT_OF_CUSTOMER; a due date more than a year back or 5 years ahead 422 DUE_DATE_OUT_OF_RANGE.")
    @ApiResponse(responseCode = "201", description = "Created; Location and ETag of the task")
    @ApiResponse(responseCode = "422", description = "The assignee cannot take it", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "assignee", value = ASSIGNEE)))
    ResponseEntity<TaskResponse> create(@Valid @RequestBody TaskRequest request,
            @Parameter(description = "Makes a retried create return the first result")
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        Task task = tasks.create(request.toNewTask());
        return ResponseEntity.created(URI.create("/api/v1/tasks/" + task.id()))
                .eTag(ETags.of(task.version()))
                .body(TaskResponse.of(task));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('customers:read')")
    @Operation(summary = "Read a task", description = "Visible to its assignee, their managers and directors; 404 "
            + "otherwise.")
    @ApiResponse(responseCode = "200", description = "The task with its ETag")
    @ApiResponse(responseCode = "404", description = "Unknown or out of scope", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "notFound", value = NOT_FOUND)))
    ResponseEntity<TaskResponse> get(@PathVariable String id) {
        Task task = tasks.get(id);
        return ResponseEntity.ok().eTag(ETags.of(task.version())).body(TaskResponse.of(task));
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasAuthority('customers:write')")
    @Operation(summary = "Change an open task", description = "Title, notes, due date, assignee (same rules as on "
            + "create). Requires the task's ETag in If-Match (428 without, 412 STALE_VERSION when stale); a task that "
            + "is DONE or CANCELLED is 409 ILLEGAL_STATE_TRANSITION.")
    @ApiResponse(responseCode = "200", description = "The changed task with its new ETag")
    @ApiResponse(responseCode = "409", description = "Not open any more", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "closed", value = ILLEGAL)))
    ResponseEntity<TaskResponse> change(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody TaskChangeRequest request) {
        Task task = tasks.change(id, ifMatch, request.toChange());
        return ResponseEntity.ok().eTag(ETags.of(task.version())).body(TaskResponse.of(task));
    }

    @PostMapping("/{id}/complete")
    @PreAuthorize("hasAuthority('customers:write')")
    @Operation(summary = "Complete a task", description = "OPEN to DONE; 409 ILLEGAL_STATE_TRANSITION otherwise. "
            + "If-Match is optional; when sent it must be current.")
    @ApiResponse(responseCode = "200", description = "The completed task")
    @ApiResponse(responseCode = "409", description = "Not open", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "closed", value = ILLEGAL)))
    ResponseEntity<TaskResponse> complete(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        Task task = tasks.complete(id, ifMatch);
        return ResponseEntity.ok().eTag(ETags.of(task.version())).body(TaskResponse.of(task));
    }

    @PostMapping("/{id}/cancel")
    @PreAuthorize("hasAuthority('customers:write')")
    @Operation(summary = "Cancel a task", description = "OPEN to CANCELLED; 409 ILLEGAL_STATE_TRANSITION otherwise. "
            + "If-Match is optional; when sent it must be current.")
    @ApiResponse(responseCode = "200", description = "The cancelled task")
    @ApiResponse(responseCode = "409", description = "Not open", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "closed", value = ILLEGAL)))
    ResponseEntity<TaskResponse> cancel(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        Task task = tasks.cancel(id, ifMatch);
        return ResponseEntity.ok().eTag(ETags.of(task.version())).body(TaskResponse.of(task));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('customers:read')")
    @Operation(summary = "List tasks", description = "Within the caller's data scope. assignee: me, all (default) or "
            + "a user id; dueFrom inclusive, dueBefore exclusive. Sorted by due date unless asked otherwise.")
    @ApiResponse(responseCode = "200", description = "A page of tasks", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = TaskPage.class), examples = @ExampleObject(name = "page", value = PAGE)))
    PageResponse<TaskResponse> list(
            @Parameter(description = "me, all or a user id", example = "me")
            @RequestParam(required = false) @Nullable @Pattern(regexp = USER) String assignee,
            @RequestParam(required = false) @Nullable TaskStatus status,
            @RequestParam(required = false) @Nullable @Pattern(regexp = "[A-Za-z0-9-]{1,36}") String customerId,
            @Parameter(example = "2026-03-01")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate dueFrom,
            @Parameter(example = "2026-04-01")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
            LocalDate dueBefore,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @Parameter(description = "dueDate, createdAt or title, optionally ,asc or ,desc")
            @RequestParam(defaultValue = "") String sort) {
        var pageable = Paging.pageable(page, size, sort, DUE_FIRST, SORTS);
        return PageResponse.of(tasks.list(new TaskService.Filter(assignee, status, customerId, dueFrom, dueBefore),
                pageable), TaskResponse::of);
    }

    @GetMapping("/overdue")
    @PreAuthorize("hasAuthority('customers:read')")
    @Operation(summary = "Overdue tasks", description = "Open tasks due before today (business time zone), oldest "
            + "due first. Of the caller by default; a manager may ask for a user of their subtree (assignee=<id>) or "
            + "for everyone they see (assignee=all).")
    @ApiResponse(responseCode = "200", description = "A page of tasks", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = TaskPage.class), examples = @ExampleObject(name = "page", value = PAGE)))
    PageResponse<TaskResponse> overdue(
            @Parameter(description = "me (default), all or a user id")
            @RequestParam(required = false) @Nullable @Pattern(regexp = USER) String assignee,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return PageResponse.of(tasks.overdue(assignee, Paging.pageable(page, size, "", DUE_FIRST, SORTS)),
                TaskResponse::of);
    }

    @GetMapping("/due-today")
    @PreAuthorize("hasAuthority('customers:read')")
    @Operation(summary = "Tasks due today", description = "Open tasks due today (business time zone). Of the caller "
            + "by default; assignee=<id> or all as for overdue.")
    @ApiResponse(responseCode = "200", description = "A page of tasks", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = TaskPage.class), examples = @ExampleObject(name = "page", value = PAGE)))
    PageResponse<TaskResponse> dueToday(
            @Parameter(description = "me (default), all or a user id")
            @RequestParam(required = false) @Nullable @Pattern(regexp = USER) String assignee,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return PageResponse.of(tasks.dueToday(assignee, Paging.pageable(page, size, "", DUE_FIRST, SORTS)),
                TaskResponse::of);
    }

    @GetMapping("/neglected-customers")
    @PreAuthorize("hasAuthority('customers:read')")
    @Operation(summary = "Customers nobody has followed up", description = "The customers in the caller's data "
            + "scope whose last activity (or registration, if they never had one) is older than their level allows "
            + "(channelops.customer.follow-up.days: KEY 7, NORMAL 30, MINOR 90 by default) and that have no open "
            + "task; LOST and BLACKLISTED customers are left out. A rep sees their own, a manager their subtree's "
            + "(narrow with ownerId). Oldest first.")
    @ApiResponse(responseCode = "200", description = "A page of neglected customers", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = NeglectedCustomerPage.class), examples = @ExampleObject(name = "page", value = """
                    {"content": [{"id": "0b6f1c7a-5e2d-4a8b-9c3d-2e1f0a9b8c7d", "code": "ACME-SH",
                      "name": "Acme Trading (Shanghai)", "level": "KEY", "status": "ACTIVE",
                      "ownerId": "u-rep-east1-a", "orgPath": "/hq/east/team-1",
                      "lastActivityAt": "2026-02-10T03:00:00Z", "lastTouchAt": "2026-02-10T03:00:00Z",
                      "daysWithoutFollowUp": 20, "followUpDays": 7}],
                     "page": {"number": 0, "size": 20, "totalElements": 1, "totalPages": 1}}""")))
    PageResponse<NeglectedCustomerResponse> neglectedCustomers(
            @RequestParam(required = false) @Nullable @Pattern(regexp = USER) String ownerId,
            @RequestParam(required = false) @Nullable CustomerLevel level,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        var pageable = Paging.pageable(page, size, "", Sort.unsorted(), Set.of());
        return PageResponse.of(neglected.list(ownerId, level, pageable), NeglectedCustomerResponse::of);
    }
}

package io.channelops.customer.activity.web;

import io.channelops.customer.activity.Activity;
import io.channelops.customer.activity.ActivityService;
import io.channelops.customer.activity.ActivityType;
import io.channelops.platform.web.ApiProblem;
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
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Activities: {@code /api/v1/customers/{customerId}/activities} to log and list a customer's, and
 * {@code /api/v1/activities} to read one, correct one, and list across customers. Reads need {@code customers:read},
 * logging and correcting {@code customers:write}.
 */
@RestController
@Tag(name = "Activities", description = "Visits, calls, e-mails, meetings and notes with customers")
class ActivityController {

    private static final Set<String> SORTS = Set.of("occurredAt", "loggedAt");
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("loggedAt"),
            Sort.Order.desc("id"));

    static final String PAGE = """
            {"content": [{"id": "3d0c9a51-7f6e-4b2a-8c1d-5e4f3a2b1c0d", "customerId": "0b6f1c7a-5e2d-4a8b-9c3d-2e1f0a9b8c7d",
              "type": "CALL", "occurredAt": "2026-03-02T06:30:00Z", "loggedBy": "u-rep-east1-a",
              "loggedAt": "2026-03-02T06:41:10Z", "subject": "Price list questions", "details": null,
              "outcome": "Clarified the volume discount", "nextStep": null, "durationMinutes": 15, "location": null,
              "purpose": null, "contactIds": [], "followUpTaskId": null, "correctedAt": null,
              "ownerId": "u-rep-east1-a", "orgPath": "/hq/east/team-1", "version": 0}],
             "page": {"number": 0, "size": 20, "totalElements": 1, "totalPages": 1}}""";
    static final String NOT_FOUND = """
            {"type": "https://channelops.io/problems/not-found", "title": "Not found", "status": 404,
             "code": "NOT_FOUND", "detail": "customer 0b6f1c7a-5e2d-4a8b-9c3d-2e1f0a9b8c7d was not found",
             "traceId": "4bf92f3577b34da6a3ce929d0e0e4736"}""";

    private final ActivityService activities;

    ActivityController(ActivityService activities) {
        this.activities = activities;
    }

    @PostMapping("/api/v1/customers/{customerId}/activities")
    @PreAuthorize("hasAuthority('customers:write')")
    @Operation(summary = "Log an activity with a customer", description = "Send an Idempotency-Key to make retries "
            + "safe. The caller is recorded as loggedBy; the activity belongs to the customer's owner and org unit. "
            + "Publishes ActivityLogged on customer.activities. 422 OCCURRED_AT_IN_FUTURE (more than 5 minutes "
            + "ahead), OCCURRED_AT_OUT_OF_RANGE (before 2000), CONTACT_NOT_OF_CUSTOMER, FOLLOW_UP_WITHOUT_NEXT_STEP, "
            + "FOLLOW_UP_OUT_OF_RANGE (before today or more than 5 years ahead). With nextStep and followUpOn a "
            + "follow-up task for the caller is created (followUpTaskId).")
    @ApiResponse(responseCode = "201", description = "Logged; Location and ETag of the activity")
    @ApiResponse(responseCode = "404", description = "Customer unknown or out of scope", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "notFound", value = NOT_FOUND)))
    @ApiResponse(responseCode = "422", description = "Breaks a rule of activities", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "future", value = """
                    {"type": "https://channelops.io/problems/occurred-at-in-future", "title": "Activity in the future",
                     "status": 422, "code": "OCCURRED_AT_IN_FUTURE",
                     "detail": "occurredAt 2026-03-09T06:30:00Z lies in the future; log an activity once it took place",
                     "traceId": "4bf92f3577b34da6a3ce929d0e0e4736"}""")))
    ResponseEntity<ActivityResponse> log(@PathVariable String customerId,
            @Valid @RequestBody ActivityRequest request,
            @Parameter(description = "Makes a retried create return the first result")
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        Activity activity = activities.log(customerId, request.toReport(), request.followUpOn());
        return ResponseEntity.created(URI.create("/api/v1/activities/" + activity.id()))
                .eTag(ETags.of(activity.version()))
                .body(ActivityResponse.of(activity));
    }

    @GetMapping("/api/v1/customers/{customerId}/activities")
    @PreAuthorize("hasAuthority('customers:read')")
    @Operation(summary = "List a customer's activities", description = "Newest first (by occurredAt). All "
            + "activities of the customer, whoever logged them; 404 when the customer is unknown or out of scope. "
            + "from is inclusive, to exclusive.")
    @ApiResponse(responseCode = "200", description = "A page of activities", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = ActivityPage.class), examples = @ExampleObject(name = "page", value = PAGE)))
    PageResponse<ActivityResponse> ofCustomer(@PathVariable String customerId,
            @RequestParam(required = false) @Nullable ActivityType type,
            @Parameter(example = "2026-03-01T00:00:00Z") @RequestParam(required = false) @Nullable Instant from,
            @Parameter(example = "2026-04-01T00:00:00Z") @RequestParam(required = false) @Nullable Instant to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @Parameter(description = "occurredAt or loggedAt, optionally ,asc or ,desc")
            @RequestParam(defaultValue = "") String sort) {
        checkRange(from, to);
        return PageResponse.of(activities.ofCustomer(customerId,
                new ActivityService.Filter(type, from, to, null, null), pageable(page, size, sort)),
                ActivityResponse::of);
    }

    @GetMapping("/api/v1/activities/{id}")
    @PreAuthorize("hasAuthority('customers:read')")
    @Operation(summary = "Read an activity", description = "Visible to whoever sees its customer now, and to whoever "
            + "saw the customer when it was logged (its owner and org unit then). 404 otherwise.")
    @ApiResponse(responseCode = "200", description = "The activity with its ETag")
    @ApiResponse(responseCode = "404", description = "Unknown or out of scope", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "notFound", value = NOT_FOUND)))
    ResponseEntity<ActivityResponse> get(@PathVariable String id) {
        Activity activity = activities.get(id);
        return ResponseEntity.ok().eTag(ETags.of(activity.version())).body(ActivityResponse.of(activity));
    }

    @PatchMapping("/api/v1/activities/{id}")
    @PreAuthorize("hasAuthority('customers:write')")
    @Operation(summary = "Correct an activity", description = "Only its author, only on the day it was logged "
            + "(business time zone), only its texts: subject, details, nextStep, location, purpose. Requires the "
            + "ETag in If-Match. 403 NOT_ACTIVITY_AUTHOR for anyone else who sees it, 409 ACTIVITY_LOCKED on a "
            + "later day. No event: what ActivityLogged reported stays as it was.")
    @ApiResponse(responseCode = "200", description = "The corrected activity with its new ETag")
    @ApiResponse(responseCode = "409", description = "Logged on an earlier day", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "locked", value = """
                    {"type": "https://channelops.io/problems/activity-locked", "title": "Activity can no longer be corrected",
                     "status": 409, "code": "ACTIVITY_LOCKED",
                     "detail": "Activity 3d0c9a51-7f6e-4b2a-8c1d-5e4f3a2b1c0d was logged on an earlier day and can no longer be corrected; log a note instead",
                     "traceId": "4bf92f3577b34da6a3ce929d0e0e4736"}""")))
    ResponseEntity<ActivityResponse> correct(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody ActivityCorrectionRequest request) {
        Activity activity = activities.correct(id, ifMatch, request.toCorrection());
        return ResponseEntity.ok().eTag(ETags.of(activity.version())).body(ActivityResponse.of(activity));
    }

    @GetMapping("/api/v1/activities")
    @PreAuthorize("hasAuthority('customers:read')")
    @Operation(summary = "List activities across customers", description = "Within the caller's data scope, by the "
            + "activities' ownership (the customer's owner and org unit when logged): a rep sees those on their "
            + "customers, a manager those on their teams' customers. loggedBy=me for the caller's own. Newest first.")
    @ApiResponse(responseCode = "200", description = "A page of activities", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = ActivityPage.class), examples = @ExampleObject(name = "page", value = PAGE)))
    PageResponse<ActivityResponse> search(
            @Parameter(description = "me, or a user id", example = "me")
            @RequestParam(required = false) @Nullable @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
            String loggedBy,
            @RequestParam(required = false) @Nullable @Pattern(regexp = "[A-Za-z0-9-]{1,36}") String customerId,
            @RequestParam(required = false) @Nullable ActivityType type,
            @Parameter(example = "2026-03-01T00:00:00Z") @RequestParam(required = false) @Nullable Instant from,
            @Parameter(example = "2026-04-01T00:00:00Z") @RequestParam(required = false) @Nullable Instant to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @Parameter(description = "occurredAt or loggedAt, optionally ,asc or ,desc")
            @RequestParam(defaultValue = "") String sort) {
        checkRange(from, to);
        return PageResponse.of(activities.search(new ActivityService.Filter(type, from, to, loggedBy, customerId),
                pageable(page, size, sort)), ActivityResponse::of);
    }

    private static Pageable pageable(int page, int size, String sort) {
        Pageable pageable = Paging.pageable(page, size, sort, NEWEST_FIRST, SORTS);
        return pageable.getSort().equals(NEWEST_FIRST) ? pageable
                : org.springframework.data.domain.PageRequest.of(page, size, pageable.getSort().and(Sort.by("id")));
    }

    private static void checkRange(@Nullable Instant from, @Nullable Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiProblem.badRequest("INVALID_TIME_RANGE", "from (" + from + ") must lie before to (" + to + ")",
                    from, to);
        }
    }
}

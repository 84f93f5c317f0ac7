package io.channelops.customer.servicecase.web;

import io.channelops.customer.servicecase.CaseHistoryEntry;
import io.channelops.customer.servicecase.CasePriority;
import io.channelops.customer.servicecase.CaseService;
import io.channelops.customer.servicecase.CaseStatus;
import io.channelops.customer.servicecase.ServiceCase;
import io.channelops.platform.web.ETags;
import io.channelops.platform.web.PageResponse;
import io.channelops.platform.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Service cases: open one for a customer ({@code customers:write}), read and list them ({@code customers:read}),
 * work them through their life cycle and comment ({@code customers:write}), assign them ({@code customers:assign}).
 * Served only to callers who see them (see {@link CaseService}); 404 otherwise.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Service cases", description = "Customer feedback and complaints under a first-response and "
        + "resolution SLA")
class CaseController {

    private static final Set<String> SORTS = Set.of("openedAt", "updatedAt", "firstResponseDueAt",
            "resolutionDueAt");

    private static final String TRANSITION_CONFLICT = """
            {"type": "https://channelops.io/problems/illegal-state-transition",
             "title": "Action not allowed in this state", "status": 409, "code": "ILLEGAL_STATE_TRANSITION",
             "detail": "Cannot close case 9d2f6b1e-4c8a-4e3f-b7a1-5c0d2e9f8a61 in state IN_PROGRESS",
             "traceId": "4bf92f3577b34da6a3ce929d0e0e4736"}""";

    private final CaseService cases;

    CaseController(CaseService cases) {
        this.cases = cases;
    }

    @PostMapping("/customers/{customerId}/cases")
    @PreAuthorize("hasAuthority('customers:write')")
    @Operation(summary = "Open a service case for a customer",
            description = "The customer must be visible to the caller (404 otherwise). The caller is the opener; "
                    + "the case is owned like the customer now (ownerId, orgPath) and gets the SLA deadlines of "
                    + "its priority (channelops.customer.cases.sla.<PRIORITY>.*). Publishes CaseOpened on "
                    + "customer.cases. Send an Idempotency-Key to make retries safe.",
            responses = @ApiResponse(responseCode = "201", description = "The case, with Location and ETag"))
    ResponseEntity<CaseResponse> open(@PathVariable String customerId, @Valid @RequestBody OpenCaseRequest request,
            @Parameter(description = "Makes a retried create return the first result")
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        ServiceCase opened = cases.open(customerId, request.toDetails());
        return ResponseEntity.created(URI.create("/api/v1/cases/" + opened.id()))
                .eTag(ETags.of(opened.version())).body(CaseResponse.of(opened, cases.now()));
    }

    @GetMapping("/cases")
    @PreAuthorize("hasAuthority('customers:read')")
    @Operation(summary = "List service cases",
            description = "The cases the caller sees: whose customer they see, whose ownership at opening is in "
                    + "their scope, or assigned to them. With customerId: every case of that customer (404 when "
                    + "the customer is not visible). breached=true: either deadline breached now; false: neither. "
                    + "Sort openedAt (default, newest first), updatedAt, firstResponseDueAt, resolutionDueAt.",
            responses = @ApiResponse(responseCode = "200", description = "A page of cases",
                    content = @Content(mediaType = "application/json", examples = @ExampleObject("""
                            {"content": [{"id": "9d2f6b1e-4c8a-4e3f-b7a1-5c0d2e9f8a61",
                              "customerId": "5f0c8a4e-1b7d-4c1e-9a53-0f6f1d2a9b10", "category": "INQUIRY",
                              "priority": "NORMAL", "subject": "Price list for 2027", "description": "Asked by mail",
                              "status": "OPEN", "openedBy": "u-rep-east1-a", "openedAt": "2026-10-05T01:00:00Z",
                              "firstResponseDueAt": "2026-10-05T05:00:00Z", "resolutionDueAt": "2026-10-08T01:00:00Z",
                              "firstResponseBreached": false, "resolutionBreached": false,
                              "ownerId": "u-rep-east1-a", "orgPath": "/hq/east/team-1",
                              "updatedAt": "2026-10-05T01:00:00Z", "version": 0}],
                             "page": {"number": 0, "size": 20, "totalElements": 1, "totalPages": 1}}"""))))
    PageResponse<CaseResponse> list(@RequestParam(required = false) @Nullable CaseStatus status,
            @RequestParam(required = false) @Nullable CasePriority priority,
            @RequestParam(required = false) @Nullable @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
            String assigneeId,
            @RequestParam(required = false) @Nullable @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String customerId,
            @RequestParam(required = false) @Nullable Boolean breached,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @RequestParam(defaultValue = "") String sort) {
        var pageable = Paging.pageable(page, size, sort, Sort.by("openedAt").descending().and(Sort.by("id")), SORTS);
        Instant now = cases.now();
        return PageResponse.of(cases.search(new CaseService.Filter(status, priority, assigneeId, customerId,
                breached), pageable), c -> CaseResponse.of(c, now));
    }

    @GetMapping("/cases/breached")
    @PreAuthorize("hasAuthority('customers:read')")
    @Operation(summary = "List cases that breached their SLA",
            description = "Cases the caller sees whose first-response deadline passed without a response (or the "
                    + "response came late), or whose resolution deadline passed unresolved (or the resolution came "
                    + "late). kind=FIRST_RESPONSE, RESOLUTION or ANY (default); closed cases only with "
                    + "includeClosed=true. Sort firstResponseDueAt (default), resolutionDueAt, openedAt, updatedAt.",
            responses = @ApiResponse(responseCode = "200", description = "A page of breached cases",
                    content = @Content(mediaType = "application/json", examples = @ExampleObject("""
                            {"content": [{"id": "9d2f6b1e-4c8a-4e3f-b7a1-5c0d2e9f8a61",
                              "customerId": "5f0c8a4e-1b7d-4c1e-9a53-0f6f1d2a9b10", "category": "COMPLAINT",
                              "priority": "URGENT", "subject": "Line stopped: wrong spare part delivered",
                              "description": "Customer's packaging line is down", "status": "OPEN",
                              "openedBy": "u-rep-east1-a", "openedAt": "2026-10-05T01:00:00Z",
                              "firstResponseDueAt": "2026-10-05T02:00:00Z", "resolutionDueAt": "2026-10-05T09:00:00Z",
                              "firstResponseBreached": true, "resolutionBreached": false,
                              "ownerId": "u-rep-east1-a", "orgPath": "/hq/east/team-1",
                              "updatedAt": "2026-10-05T01:00:00Z", "version": 0}],
                             "page": {"number": 0, "size": 20, "totalElements": 1, "totalPages": 1}}"""))))
    PageResponse<CaseResponse> breached(@RequestParam(defaultValue = "ANY") CaseService.Breach kind,
            @RequestParam(required = false) @Nullable CasePriority priority,
            @RequestParam(defaultValue = "false") boolean includeClosed,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @RequestParam(defaultValue = "") String sort) {
        var pageable = Paging.pageable(page, size, sort, Sort.by("firstResponseDueAt").and(Sort.by("id")), SORTS);
        Instant now = cases.now();
        return PageResponse.of(cases.breached(kind, priority, includeClosed, pageable), c -> CaseResponse.of(c, now));
    }

    @GetMapping("/cases/{id}")
    @PreAuthorize("hasAuthority('customers:read')")
    @Operation(summary = "Read a service case", description = "404 when unknown or not visible to the caller.",
            responses = @ApiResponse(responseCode = "200", description = "The case with its ETag"))
    ResponseEntity<CaseResponse> get(@PathVariable String id) {
        return ok(cases.get(id));
    }

    @PostMapping("/cases/{id}/assign")
    @PreAuthorize("hasAuthority('customers:assign')")
    @Operation(summary = "Assign a case to a user",
            description = "The assignee must be an active user within the caller's org subtree (422 "
                    + "UNKNOWN_ASSIGNEE / ASSIGNEE_OUT_OF_SCOPE); they see the case from then on. 409 "
                    + "ILLEGAL_STATE_TRANSITION on a closed case. If-Match optional, checked when sent.",
            responses = @ApiResponse(responseCode = "200", description = "The assigned case"))
    ResponseEntity<CaseResponse> assign(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody AssignCaseRequest request) {
        return ok(cases.assign(id, ifMatch, request.assigneeId()));
    }

    @PostMapping("/cases/{id}/start")
    @PreAuthorize("hasAuthority('customers:write')")
    @Operation(summary = "Start working on a case",
            description = "OPEN or REOPENED → IN_PROGRESS, with an optional note. By someone other than the "
                    + "opener it is the first response. 409 ILLEGAL_STATE_TRANSITION otherwise.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The case in progress"),
                @ApiResponse(responseCode = "409", description = "Not startable in its state",
                        content = @Content(mediaType = "application/problem+json",
                                examples = @ExampleObject(TRANSITION_CONFLICT)))})
    ResponseEntity<CaseResponse> start(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody(required = false) @Nullable CaseNoteRequest request) {
        return ok(cases.start(id, ifMatch, request == null ? null : request.note()));
    }

    @PostMapping("/cases/{id}/resolve")
    @PreAuthorize("hasAuthority('customers:write')")
    @Operation(summary = "Resolve a case",
            description = "OPEN, IN_PROGRESS or REOPENED → RESOLVED with the resolution. Counts as the first "
                    + "response if there was none. 409 ILLEGAL_STATE_TRANSITION otherwise.",
            responses = @ApiResponse(responseCode = "200", description = "The resolved case"))
    ResponseEntity<CaseResponse> resolve(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody ResolveCaseRequest request) {
        return ok(cases.resolve(id, ifMatch, request.resolution().strip()));
    }

    @PostMapping("/cases/{id}/reopen")
    @PreAuthorize("hasAuthority('customers:write')")
    @Operation(summary = "Reopen a resolved case",
            description = "RESOLVED → REOPENED, with an optional note; the case is unresolved again and its "
                    + "resolution deadline (set at opening) applies. 409 ILLEGAL_STATE_TRANSITION otherwise.",
            responses = @ApiResponse(responseCode = "200", description = "The reopened case"))
    ResponseEntity<CaseResponse> reopen(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody(required = false) @Nullable CaseNoteRequest request) {
        return ok(cases.reopen(id, ifMatch, request == null ? null : request.note()));
    }

    @PostMapping("/cases/{id}/close")
    @PreAuthorize("hasAuthority('customers:write')")
    @Operation(summary = "Close a resolved case",
            description = "RESOLVED → CLOSED (final), with an optional satisfaction score 1..5 (400 "
                    + "VALIDATION_FAILED outside it). Publishes CaseClosed (satisfactionScore 0 when none, "
                    + "resolutionSlaBreached). 409 ILLEGAL_STATE_TRANSITION unless RESOLVED.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The closed case"),
                @ApiResponse(responseCode = "409", description = "Not resolved",
                        content = @Content(mediaType = "application/problem+json",
                                examples = @ExampleObject(TRANSITION_CONFLICT)))})
    ResponseEntity<CaseResponse> close(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody(required = false) @Nullable CloseCaseRequest request) {
        return ok(cases.close(id, ifMatch, request == null ? null : request.satisfactionScore()));
    }

    @PostMapping("/cases/{id}/comments")
    @PreAuthorize("hasAuthority('customers:write')")
    @Operation(summary = "Comment on a case",
            description = "Adds a COMMENTED row to the history; by someone other than the opener it is the first "
                    + "response. 409 ILLEGAL_STATE_TRANSITION on a closed case. Send an Idempotency-Key to make "
                    + "retries safe.",
            responses = @ApiResponse(responseCode = "201", description = "The history row of the comment"))
    ResponseEntity<CaseHistoryResponse> comment(@PathVariable String id,
            @Valid @RequestBody CaseCommentRequest request,
            @Parameter(description = "Makes a retried comment return the first result")
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        CaseHistoryEntry entry = cases.comment(id, request.text().strip());
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/cases/" + id + "/history"))
                .body(CaseHistoryResponse.of(entry));
    }

    @GetMapping("/cases/{id}/history")
    @PreAuthorize("hasAuthority('customers:read')")
    @Operation(summary = "A case's history",
            description = "Opened, assigned, every status change (from, to, who, when, note) and every comment; "
                    + "oldest first unless sort=at,desc.",
            responses = @ApiResponse(responseCode = "200", description = "A page of history rows",
                    content = @Content(mediaType = "application/json", examples = @ExampleObject("""
                            {"content": [{"id": "1a2b3c4d-0000-4000-8000-000000000001",
                              "caseId": "9d2f6b1e-4c8a-4e3f-b7a1-5c0d2e9f8a61", "kind": "OPENED",
                              "toStatus": "OPEN", "actorId": "u-rep-east1-a", "at": "2026-10-05T01:00:00Z"},
                             {"id": "1a2b3c4d-0000-4000-8000-000000000002",
                              "caseId": "9d2f6b1e-4c8a-4e3f-b7a1-5c0d2e9f8a61", "kind": "STATUS_CHANGED",
                              "fromStatus": "OPEN", "toStatus": "IN_PROGRESS", "actorId": "u-rep-east1-b",
                              "at": "2026-10-05T01:40:00Z", "note": "Called the customer back"}],
                             "page": {"number": 0, "size": 20, "totalElements": 2, "totalPages": 1}}"""))))
    PageResponse<CaseHistoryResponse> history(@PathVariable String id,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
            @Parameter(description = "at, optionally ,asc or ,desc (default at,asc)")
            @RequestParam(defaultValue = "") String sort) {
        var pageable = Paging.pageable(page, size, sort, Sort.by("at").and(Sort.by("id")), Set.of("at"));
        return PageResponse.of(cases.history(id, pageable), CaseHistoryResponse::of);
    }

    private ResponseEntity<CaseResponse> ok(ServiceCase serviceCase) {
        return ResponseEntity.ok().eTag(ETags.of(serviceCase.version()))
                .body(CaseResponse.of(serviceCase, cases.now()));
    }
}

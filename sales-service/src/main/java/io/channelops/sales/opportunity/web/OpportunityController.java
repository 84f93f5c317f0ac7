package io.channelops.sales.opportunity.web;

import io.channelops.platform.web.ETags;
import io.channelops.platform.web.PageResponse;
import io.channelops.platform.web.Paging;
import io.channelops.sales.opportunity.ActivityKind;
import io.channelops.sales.opportunity.Opportunity;
import io.channelops.sales.opportunity.OpportunityService;
import io.channelops.sales.opportunity.OpportunityStatus;
import io.channelops.sales.opportunity.PipelineConfigService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
 * {@code /api/v1/opportunities}: open, read, change, move through the pipeline, win, lose, reassign and search
 * opportunities, log activities on them and list the stalled ones. Reads need {@code opportunities:read}, everything
 * else {@code opportunities:write}; every opportunity is served only within the caller's data scope (404 outside
 * it, lists filtered).
 */
@RestController
@RequestMapping("/api/v1/opportunities")
@Tag(name = "Opportunities", description = "Deals in the sales pipeline")
class OpportunityController {

    private static final Set<String> SORTS = Set.of("name", "amount", "expectedCloseDate", "createdAt", "updatedAt");
    private static final String IF_MATCH_OPTIONAL = "The opportunity's ETag; optional, checked when sent (412).";
    private static final String OPPORTUNITY_EXAMPLE = """
            {"id": "8e4f0a52-7d1b-4c57-9f0e-2b1a3c4d5e6f", "name": "Pumps for the Suzhou plant extension",
             "customerId": "5d0c7a7e-2f0b-4c1e-8a57-1c2d3e4f5a6b",
             "amount": {"amount": 250000.00, "currency": "CNY"}, "expectedCloseDate": "2026-11-30",
             "products": [], "stage": "WON", "stageName": "Won", "probability": 100,
             "probabilityOverridden": false, "status": "WON", "closedAt": "2026-11-20T03:12:00Z",
             "closedOn": "2026-11-20", "stageEnteredAt": "2026-11-20T03:12:00Z",
             "lastMovementAt": "2026-11-20T03:12:00Z", "ownerId": "u-rep-east1-a", "orgPath": "/hq/east/team-1",
             "createdBy": "u-rep-east1-a", "createdAt": "2026-09-01T08:00:00Z",
             "updatedAt": "2026-11-20T03:12:00Z", "version": 4}""";

    private final OpportunityService opportunities;
    private final PipelineConfigService config;

    OpportunityController(OpportunityService opportunities, PipelineConfigService config) {
        this.opportunities = opportunities;
        this.config = config;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('opportunities:write')")
    @Operation(summary = "Open an opportunity", description = "The caller becomes the owner; the opportunity lives "
            + "in the caller's org unit. Without a stage it starts in the first open stage, without a probability it "
            + "follows the stage's default. Products must be active catalog products (422 UNKNOWN_PRODUCT, "
            + "PRODUCT_DISCONTINUED); line amounts are in the opportunity's currency (422 CURRENCY_MISMATCH). The "
            + "customer id is not looked up in customer-service. Send an Idempotency-Key to make retries safe.")
    ResponseEntity<OpportunityResponse> create(@Valid @RequestBody OpportunityRequest request,
            @Parameter(description = "Makes a retried create return the first result", example = "3f6c2a10-opp-1")
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        Opportunity opportunity = opportunities.create(request.toNewOpportunity());
        return ResponseEntity.created(URI.create("/api/v1/opportunities/" + opportunity.id()))
                .eTag(ETags.of(opportunity.version()))
                .body(OpportunityResponse.of(opportunity, config.stagesByCode()));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('opportunities:read')")
    @Operation(summary = "Read an opportunity", description = "404 when it does not exist or lies outside the "
            + "caller's data scope.")
    ResponseEntity<OpportunityResponse> get(@PathVariable String id) {
        return withETag(opportunities.get(id));
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasAuthority('opportunities:write')")
    @Operation(summary = "Change an open opportunity", description = "Name, customer, amount, expected close, "
            + "products, competitor and the rep's own win probability. Requires the opportunity's ETag in If-Match "
            + "(428 without, 412 when stale). A won or lost opportunity cannot be changed (409).")
    ResponseEntity<OpportunityResponse> change(@PathVariable String id,
            @Parameter(description = "The opportunity's ETag", example = "\"3\"")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody OpportunityChangeRequest request) {
        return withETag(opportunities.change(id, ifMatch, request.toChange()));
    }

    @PostMapping("/{id}/stage")
    @PreAuthorize("hasAuthority('opportunities:write')")
    @Operation(summary = "Move an opportunity to another stage", description = "Only between active open stages "
            + "(422 UNKNOWN_STAGE, STAGE_NOT_OPEN: use win or lose to close); a closed opportunity answers 409 "
            + "ILLEGAL_STATE_TRANSITION. Records a stage history entry with the days spent in the previous stage and "
            + "raises OpportunityStageChanged. Moving to the current stage records nothing.")
    ResponseEntity<OpportunityResponse> moveToStage(@PathVariable String id,
            @Parameter(description = IF_MATCH_OPTIONAL, example = "\"3\"")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody StageMoveRequest request) {
        return withETag(opportunities.moveToStage(id, ifMatch, request.stage(), request.probability(),
                request.note()));
    }

    @PostMapping("/{id}/win")
    @PreAuthorize("hasAuthority('opportunities:write')")
    @Operation(summary = "Close an opportunity as won", description = "Moves it to the won stage (probability 100) "
            + "and raises OpportunityWon. A won or lost opportunity answers 409 ILLEGAL_STATE_TRANSITION.",
            responses = @ApiResponse(responseCode = "200", description = "The won opportunity",
                    content = @Content(mediaType = "application/json",
                            examples = @ExampleObject(name = "won", value = OPPORTUNITY_EXAMPLE))))
    ResponseEntity<OpportunityResponse> win(@PathVariable String id,
            @Parameter(description = IF_MATCH_OPTIONAL, example = "\"3\"")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody(required = false) @Nullable WinRequest request) {
        return withETag(opportunities.win(id, ifMatch, request == null ? null : request.note()));
    }

    @PostMapping("/{id}/lose")
    @PreAuthorize("hasAuthority('opportunities:write')")
    @Operation(summary = "Close an opportunity as lost", description = "With an active loss reason (422 "
            + "UNKNOWN_LOSS_REASON) and, optionally, the competitor who won. Moves it to the lost stage (probability "
            + "0) and raises OpportunityLost. A won or lost opportunity answers 409 ILLEGAL_STATE_TRANSITION.")
    ResponseEntity<OpportunityResponse> lose(@PathVariable String id,
            @Parameter(description = IF_MATCH_OPTIONAL, example = "\"3\"")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody LoseRequest request) {
        return withETag(opportunities.lose(id, ifMatch, request.reason(), request.competitor(), request.note()));
    }

    @PostMapping("/{id}/assign")
    @PreAuthorize("hasAuthority('opportunities:write')")
    @Operation(summary = "Reassign an opportunity", description = "Managers, directors and integration clients hand "
            + "an opportunity they see to another active user within their org subtree (422 UNKNOWN_ASSIGNEE, "
            + "ASSIGNEE_OUT_OF_SCOPE); it then lives in that user's org unit. Reps cannot reassign (403).")
    ResponseEntity<OpportunityResponse> assign(@PathVariable String id,
            @Parameter(description = IF_MATCH_OPTIONAL, example = "\"3\"")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody AssignRequest request) {
        return withETag(opportunities.assign(id, ifMatch, request.ownerId()));
    }

    @GetMapping("/{id}/history")
    @PreAuthorize("hasAuthority('opportunities:read')")
    @Operation(summary = "Read an opportunity's stage history", description = "Every stage it entered, oldest "
            + "first, with who moved it, when, and the whole days it spent in the stage before.")
    StageHistoryResponse history(@PathVariable String id) {
        return StageHistoryResponse.of(id, opportunities.history(id));
    }

    @PostMapping("/{id}/activities")
    @PreAuthorize("hasAuthority('opportunities:write')")
    @Operation(summary = "Log an activity on an opportunity", description = "A call, e-mail, meeting, visit or "
            + "note. Its time becomes the opportunity's lastActivityAt, which keeps an open deal off the stalled "
            + "list. Does not change the opportunity's ETag. Send an Idempotency-Key to make retries safe.")
    ResponseEntity<ActivityResponse> logActivity(@PathVariable String id,
            @Parameter(description = "Makes a retried post return the first result", example = "3f6c2a10-act-1")
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            @Valid @RequestBody ActivityRequest request) {
        var activity = opportunities.logActivity(id, request.kind() == null ? ActivityKind.NOTE : request.kind(),
                request.text());
        return ResponseEntity.status(HttpStatus.CREATED).body(ActivityResponse.of(activity));
    }

    @GetMapping("/{id}/activities")
    @PreAuthorize("hasAuthority('opportunities:read')")
    @Operation(summary = "List an opportunity's activities", description = "The latest first.")
    PageResponse<ActivityResponse> activities(@PathVariable String id,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Pageable pageable = Paging.pageable(page, size, "", Sort.by("occurredAt").descending().and(Sort.by("id")),
                Set.of());
        return PageResponse.of(opportunities.activities(id, pageable), ActivityResponse::of);
    }

    @GetMapping
    @PreAuthorize("hasAuthority('opportunities:read')")
    @Operation(summary = "Search opportunities", description = "Filter by stage, owner, customer, expected close "
            + "date range, status and text in name or competitor. Lists only the opportunities in the caller's data "
            + "scope.")
    PageResponse<OpportunityResponse> search(
            @Parameter(example = "PROPOSAL") @RequestParam(required = false) @Nullable @Size(max = 32) String stage,
            @Parameter(example = "u-rep-east1-a") @RequestParam(required = false) @Nullable @Size(max = 64)
            String ownerId,
            @RequestParam(required = false) @Nullable @Size(max = 64) String customerId,
            @Parameter(example = "2026-10-01") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate expectedCloseFrom,
            @Parameter(example = "2026-12-31") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate expectedCloseTo,
            @Parameter(description = "OPEN, WON or LOST") @RequestParam(required = false)
            @Nullable OpportunityStatus status,
            @Parameter(example = "pump") @RequestParam(required = false) @Nullable @Size(max = 100) String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @Parameter(description = "name, amount, expectedCloseDate, createdAt or updatedAt, optionally ,asc or "
                    + ",desc; default expectedCloseDate", example = "amount,desc")
            @RequestParam(defaultValue = "") String sort) {
        Pageable pageable = Paging.pageable(page, size, sort, Sort.by("expectedCloseDate"), SORTS);
        // the id breaks ties, so equal values never move between pages
        pageable = PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(),
                pageable.getSort().and(Sort.by("id")));
        var stages = config.stagesByCode();
        return PageResponse.of(opportunities.search(new OpportunityService.Filter(stage, ownerId, customerId,
                expectedCloseFrom, expectedCloseTo, status, q), pageable), o -> OpportunityResponse.of(o, stages));
    }

    @GetMapping("/stalled")
    @PreAuthorize("hasAuthority('opportunities:read')")
    @Operation(summary = "List stalled deals", description = "Open opportunities without a stage change or "
            + "activity for longer than their stage's stall threshold (stallDays of the stage), the longest idle "
            + "first. A rep sees their own, a manager those of their org subtree.")
    PageResponse<StalledDealResponse> stalled(
            @Parameter(example = "PROPOSAL") @RequestParam(required = false) @Nullable @Size(max = 32) String stage,
            @RequestParam(required = false) @Nullable @Size(max = 64) String ownerId,
            @RequestParam(required = false) @Nullable @Size(max = 64) String customerId,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Pageable pageable = Paging.pageable(page, size, "", Sort.unsorted(), Set.of());
        return PageResponse.of(opportunities.stalled(new OpportunityService.StalledFilter(stage, ownerId,
                customerId), pageable), StalledDealResponse::of);
    }

    private ResponseEntity<OpportunityResponse> withETag(Opportunity opportunity) {
        return ResponseEntity.ok().eTag(ETags.of(opportunity.version()))
                .body(OpportunityResponse.of(opportunity, config.stagesByCode()));
    }
}

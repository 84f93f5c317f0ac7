package io.channelops.sales.lead.web;

import io.channelops.platform.web.ETags;
import io.channelops.platform.web.PageResponse;
import io.channelops.platform.web.Paging;
import io.channelops.sales.lead.Lead;
import io.channelops.sales.lead.LeadConversionService;
import io.channelops.sales.lead.LeadService;
import io.channelops.sales.lead.LeadSource;
import io.channelops.sales.lead.LeadStatus;
import io.channelops.sales.scoring.Band;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
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
 * {@code /api/v1/leads}: capture, read, change, work, qualify, disqualify, assign, claim, score and convert leads.
 * Reads need {@code leads:read}, changes {@code leads:write}, assigning {@code leads:assign}, signals
 * {@code leads:signal} (integration clients) or {@code leads:write}; every lead is served only within the caller's
 * data scope (404 outside it, lists filtered).
 */
@RestController
@RequestMapping("/api/v1/leads")
@Tag(name = "Leads", description = "Leads, their scores, the queue and conversion")
@Validated
class LeadController {

    private static final Set<String> SORTS = Set.of("createdAt", "updatedAt", "score", "company");
    private static final String DUPLICATE_LEAD = """
            {"type": "https://channelops.io/problems/duplicate-lead", "title": "Duplicate lead", "status": 409,
             "code": "DUPLICATE_LEAD",
             "detail": "Open lead 5f0c8a7e-9a53-4a3e-b7f4-2f1d0c9e8b11 has the same contact e-mail",
             "traceId": "4bf92f3577b34da6a3ce929d0e0e4736"}""";
    private static final String UNAVAILABLE = """
            {"type": "https://channelops.io/problems/dependency-unavailable", "title": "Service unavailable",
             "status": 503, "code": "DEPENDENCY_UNAVAILABLE",
             "detail": "customer-service is unavailable; nothing was changed, try again later",
             "traceId": "4bf92f3577b34da6a3ce929d0e0e4736"}""";

    private final LeadService leads;
    private final LeadConversionService conversions;

    LeadController(LeadService leads, LeadConversionService conversions) {
        this.leads = leads;
        this.conversions = conversions;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('leads:write')")
    @Operation(summary = "Capture a lead", description = """
            Refused with 409 DUPLICATE_LEAD when an open lead has the same contact e-mail, phone or company name \
            (the problem names it). customer-service is asked for customers that look alike: they come back as \
            possibleDuplicates and do not block the lead. When customer-service cannot answer the lead is captured \
            anyway with duplicateCheck UNAVAILABLE. A user owns the lead they capture unless route is true; leads \
            of integration clients are routed by the assignment rules or wait in the queue. Send an \
            Idempotency-Key to make retries safe.""")
    @ApiResponse(responseCode = "201", description = "Captured")
    @ApiResponse(responseCode = "409", description = "An open lead matches", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "duplicate",
            value = DUPLICATE_LEAD)))
    ResponseEntity<LeadResponse> capture(@Valid @RequestBody LeadRequest request,
            @Parameter(description = "Makes a retried create return the first result")
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        Lead lead = leads.capture(request.toDetails(), request.routed());
        return ResponseEntity.created(URI.create("/api/v1/leads/" + lead.id()))
                .eTag(ETags.of(lead.version()))
                .body(response(lead));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('leads:read')")
    @Operation(summary = "Search leads", description = """
            Lists the leads in the caller's data scope. Filters: status, band (HOT/WARM/COLD, from the stored \
            score), source, campaign, region, owner, createdFrom/createdTo (ISO instants, to exclusive), minScore \
            and q (company, contact name or e-mail). Sort by createdAt (default, newest first), updatedAt, score or \
            company.""")
    PageResponse<LeadResponse> search(@RequestParam(required = false) @Nullable LeadStatus status,
            @RequestParam(required = false) @Nullable Band band,
            @RequestParam(required = false) @Nullable LeadSource source,
            @RequestParam(required = false) @Nullable @Size(max = 100) String campaign,
            @Parameter(example = "EAST") @RequestParam(required = false) @Nullable @Size(max = 32) String region,
            @Parameter(example = "u-rep-east1-a") @RequestParam(required = false) @Nullable @Size(max = 64) String owner,
            @Parameter(example = "2026-06-01T00:00:00Z") @RequestParam(required = false) @Nullable Instant createdFrom,
            @Parameter(example = "2026-07-01T00:00:00Z") @RequestParam(required = false) @Nullable Instant createdTo,
            @RequestParam(required = false) @Nullable Integer minScore,
            @Parameter(example = "acme") @RequestParam(required = false) @Nullable @Size(max = 100) String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @Parameter(description = "createdAt, updatedAt, score or company, optionally ,asc or ,desc",
                    example = "score,desc")
            @RequestParam(defaultValue = "") String sort) {
        Pageable pageable = pageable(page, size, sort);
        return PageResponse.of(leads.search(new LeadService.Filter(status, band, source, campaign, region, owner,
                createdFrom, createdTo, minScore, q), pageable), this::response);
    }

    @GetMapping("/queue")
    @PreAuthorize("hasAuthority('leads:read')")
    @Operation(summary = "The queue of unassigned leads", description = """
            Open leads without an owner that the caller may take or hand out: a director every queue, a manager \
            the queues at or below their org unit, a rep their own team's queue (which they may claim). A queued \
            lead has ownerId "pool" and the org path of its queue.""")
    PageResponse<LeadResponse> queue(
            @Parameter(example = "EAST") @RequestParam(required = false) @Nullable @Size(max = 32) String region,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @Parameter(description = "createdAt, updatedAt, score or company, optionally ,asc or ,desc")
            @RequestParam(defaultValue = "") String sort) {
        return PageResponse.of(leads.queue(region, pageable(page, size, sort)), this::response);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('leads:read')")
    @Operation(summary = "Read a lead", description = "404 outside the caller's data scope.")
    ResponseEntity<LeadResponse> get(@PathVariable String id) {
        return withETag(leads.get(id));
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasAuthority('leads:write')")
    @Operation(summary = "Change a lead's details", description = """
            Requires the lead's ETag in If-Match (428 without, 412 when stale). Only open leads change (409 \
            LEAD_CLOSED). The score is recomputed; a change that makes the lead match another open lead answers \
            409 DUPLICATE_LEAD.""")
    ResponseEntity<LeadResponse> change(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody LeadChangeRequest request) {
        Lead current = leads.get(id);
        return withETag(leads.change(id, ifMatch, request.applyTo(current.details())));
    }

    @PostMapping("/{id}/start")
    @PreAuthorize("hasAuthority('leads:write')")
    @Operation(summary = "Start working a lead", description = """
            NEW → WORKING (409 ILLEGAL_STATE_TRANSITION otherwise; 409 LEAD_UNASSIGNED for a queued lead). \
            If-Match optional, checked when sent.""")
    ResponseEntity<LeadResponse> start(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return withETag(leads.start(id, ifMatch));
    }

    @PostMapping("/{id}/qualify")
    @PreAuthorize("hasAuthority('leads:write')")
    @Operation(summary = "Qualify a lead", description = """
            NEW or WORKING → QUALIFIED; raises LeadQualified with the score and band of this moment. If-Match \
            optional, checked when sent.""")
    ResponseEntity<LeadResponse> qualify(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return withETag(leads.qualify(id, ifMatch));
    }

    @PostMapping("/{id}/disqualify")
    @PreAuthorize("hasAuthority('leads:write')")
    @Operation(summary = "Disqualify a lead", description = """
            NEW, WORKING or QUALIFIED → DISQUALIFIED with a reason (NO_BUDGET, NO_NEED, NO_AUTHORITY, BAD_TIMING, \
            LOST_TO_COMPETITOR, UNREACHABLE, DUPLICATE, EXISTING_CUSTOMER, SPAM, OTHER) and a note (required for \
            OTHER: 422 DISQUALIFY_NOTE_REQUIRED).""")
    ResponseEntity<LeadResponse> disqualify(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody DisqualifyRequest request) {
        return withETag(leads.disqualify(id, ifMatch, request.reason(), request.note()));
    }

    @PostMapping("/{id}/assign")
    @PreAuthorize("hasAuthority('leads:assign')")
    @Operation(summary = "Assign a lead", description = """
            Hands a queued or owned open lead to an active user within the caller's org subtree; the lead then \
            lives in that user's org unit. 422 UNKNOWN_ASSIGNEE or ASSIGNEE_OUT_OF_SCOPE when the user cannot \
            take it.""")
    ResponseEntity<LeadResponse> assign(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody AssignRequest request) {
        return withETag(leads.assign(id, ifMatch, request.ownerId()));
    }

    @PostMapping("/{id}/claim")
    @PreAuthorize("hasAuthority('leads:write')")
    @Operation(summary = "Claim a queued lead", description = """
            The caller takes a lead from the queue: a rep one queued at their own team, a manager one queued in \
            their subtree. 409 LEAD_ALREADY_ASSIGNED when someone owns it already.""")
    ResponseEntity<LeadResponse> claim(@PathVariable String id) {
        return withETag(leads.claim(id));
    }

    @PostMapping("/{id}/signals")
    @PreAuthorize("hasAnyAuthority('leads:signal', 'leads:write')")
    @Operation(summary = "Post a behaviour signal", description = """
            Records a behaviour signal (EMAIL_OPENED, SITE_REVISIT, DEMO_REQUESTED, FORM_SUBMITTED, ... — any type \
            a BEHAVIOUR rule may name) and rescores the lead. Idempotent by signalId (or the Idempotency-Key header \
            when no signalId is given): a repost answers 200 with the first signal and duplicate true. 409 \
            LEAD_CLOSED for a converted or disqualified lead; 422 SIGNAL_IN_FUTURE.""")
    @ApiResponse(responseCode = "201", description = "Stored and scored")
    @ApiResponse(responseCode = "200", description = "Already stored by an earlier post with the same key")
    ResponseEntity<SignalResponse> signal(@PathVariable String id, @Valid @RequestBody SignalRequest request,
            @Parameter(description = "Used as the signal's key when the body has no signalId")
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        String key = request.signalId() != null ? request.signalId() : idempotencyKey;
        LeadService.SignalReceipt receipt = leads.signal(id, new LeadService.NewSignal(request.type(),
                request.occurredAt(), request.detail(), key));
        SignalResponse body = new SignalResponse(receipt.signalId(), id, receipt.type(), receipt.occurredAt(),
                !receipt.stored(), receipt.lead().score(), receipt.lead().band());
        return ResponseEntity.status(receipt.stored() ? HttpStatus.CREATED : HttpStatus.OK).body(body);
    }

    @GetMapping("/{id}/score-history")
    @PreAuthorize("hasAuthority('leads:read')")
    @Operation(summary = "A lead's score history", description = """
            Every change of the score or band, newest first, with old → new and the cause: CREATED, \
            FIELDS_CHANGED, SIGNAL (detail = signal type), RULES_CHANGED (detail = rescore job), TIME_PASSED (decay \
            or a timeline entering or leaving a rule's window).""")
    ScoreHistoryResponse scoreHistory(@PathVariable String id,
            @RequestParam(defaultValue = "200") @Min(1) @Max(1000) int limit) {
        Lead lead = leads.get(id);
        return new ScoreHistoryResponse(lead.id(), lead.score(), lead.band(), leads.scoreHistory(id, limit).stream()
                .map(ScoreHistoryResponse.Change::of).toList());
    }

    @PostMapping("/{id}/convert")
    @PreAuthorize("hasAuthority('leads:write')")
    @Operation(summary = "Convert a qualified lead", description = """
            Creates the customer and its contact in customer-service (with the caller's token and Idempotency-Keys \
            derived from the lead), then marks the lead CONVERTED with customerId, contactId and a new \
            opportunityId and raises LeadConverted, in one transaction. Nothing is half converted: when \
            customer-service fails the lead stays QUALIFIED and the answer is 503 DEPENDENCY_UNAVAILABLE \
            (unreachable, timeout, circuit open), 502 UPSTREAM_FAILED (another 5xx), or customer-service's own \
            problem code with 409 (e.g. CUSTOMER_CODE_TAKEN) or 422 (validation). A retry continues where the \
            last attempt stopped and creates each record exactly once. 409 LEAD_CONVERSION_IN_PROGRESS while \
            another attempt runs; 409 LEAD_CONVERSION_PENDING when another user's attempt got no answer.""")
    @ApiResponse(responseCode = "200", description = "Converted")
    @ApiResponse(responseCode = "503", description = "customer-service unavailable; the lead is unchanged",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(
                    name = "unavailable", value = UNAVAILABLE)))
    ResponseEntity<LeadResponse> convert(@PathVariable String id, @Valid @RequestBody ConvertRequest request) {
        return withETag(conversions.convert(id, request.toConversion()));
    }

    private static Pageable pageable(int page, int size, String sort) {
        Pageable pageable = Paging.pageable(page, size, sort, Sort.by("createdAt").descending(), SORTS);
        // the id breaks ties, so equal scores or times never move between pages
        return PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), pageable.getSort().and(Sort.by("id")));
    }

    private LeadResponse response(Lead lead) {
        return LeadResponse.of(lead, leads.possibleDuplicates(lead));
    }

    private ResponseEntity<LeadResponse> withETag(Lead lead) {
        return ResponseEntity.ok().eTag(ETags.of(lead.version())).body(response(lead));
    }
}

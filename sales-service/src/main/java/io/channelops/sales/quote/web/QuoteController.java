package io.channelops.sales.quote.web;

import io.channelops.platform.web.ETags;
import io.channelops.platform.web.PageResponse;
import io.channelops.platform.web.Paging;
import io.channelops.sales.quote.Quote;
import io.channelops.sales.quote.QuoteService;
import io.channelops.sales.quote.QuoteStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
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
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
 * {@code /api/v1/quotes}: create, read, change and search quotes, move them through approval and to the customer,
 * revise them into new versions and render them as PDF. Reads need {@code quotes:read}, changes and the actions with
 * the customer {@code quotes:write}, approving and rejecting {@code quotes:approve}; every quote is served only
 * within the caller's data scope (404 outside it, lists filtered).
 */
@RestController
@RequestMapping("/api/v1/quotes")
@Tag(name = "Quotes", description = "Quotes priced from the price lists, with discount approval and versions")
class QuoteController {

    private static final Set<String> SORTS = Set.of("createdAt", "updatedAt", "number", "validUntil", "netTotal",
            "quoteDate");
    private static final String IF_MATCH_OPTIONAL = "The quote's ETag; optional, checked when sent (412).";
    static final String QUOTE_EXAMPLE = """
            {"id": "6f1d8c2e-3b4a-4e5f-9a8b-7c6d5e4f3a2b", "number": "Q-2026-000123", "quoteVersion": 2,
             "status": "PENDING_APPROVAL", "customerId": "5d0c7a7e-2f0b-4c1e-8a57-1c2d3e4f5a6b",
             "opportunityId": "8e4f0a52-7d1b-4c57-9f0e-2b1a3c4d5e6f", "currency": "CNY",
             "quoteDate": "2026-11-20", "validUntil": "2026-12-20",
             "lines": [{"lineNo": 1, "productId": "0b7c3f0e-6a57-4d0e-9a55-3f2f1c9b8e21", "sku": "PUMP-200-SS",
                        "productName": "Centrifugal pump 200 l/min", "quantity": 40, "priceSource": "PRICE_LIST",
                        "priceListId": "1a2b3c4d-1111-4e5f-8a9b-0c1d2e3f4a5b",
                        "priceListLineId": "1a2b3c4d-2222-4e5f-8a9b-0c1d2e3f4a5b",
                        "listPrice": {"amount": 1280.50, "currency": "CNY"},
                        "listUnitPrice": {"amount": 1216.48, "currency": "CNY"},
                        "floorPrice": {"amount": 1100.00, "currency": "CNY"}, "breakMinQuantity": 20,
                        "requestedUnitPrice": {"amount": 1050.00, "currency": "CNY"},
                        "requestedDiscountPercent": null,
                        "unitPrice": {"amount": 1050.00, "currency": "CNY"}, "discountPercent": 13.68,
                        "belowFloor": true, "vatRate": 0.1300,
                        "netAmount": {"amount": 42000.00, "currency": "CNY"},
                        "vatAmount": {"amount": 5460.00, "currency": "CNY"}}],
             "listTotal": {"amount": 48659.20, "currency": "CNY"}, "netTotal": {"amount": 42000.00, "currency": "CNY"},
             "vatTotal": {"amount": 5460.00, "currency": "CNY"}, "grossTotal": {"amount": 47460.00, "currency": "CNY"},
             "discountPercent": 13.68, "approvalReasons": ["BELOW_FLOOR", "DISCOUNT_OVER_LIMIT"],
             "approvals": [{"decision": "REQUESTED", "by": "u-rep-east1-a", "at": "2026-11-20T08:15:00Z",
                            "reasons": ["BELOW_FLOOR", "DISCOUNT_OVER_LIMIT"], "discountPercent": 13.68,
                            "discountLimit": 10, "note": null}],
             "notes": "Delivery to the Suzhou plant", "terms": "30 days net", "submittedBy": "u-rep-east1-a",
             "submittedAt": "2026-11-20T08:15:00Z", "sentAt": null, "acceptedAt": null, "declinedAt": null,
             "declineReason": null, "expiredAt": null, "supersededAt": null, "supersededBy": null,
             "revisedFrom": "3c2b1a09-8f7e-4d6c-b5a4-9382716a5b4c", "ownerId": "u-rep-east1-a",
             "orgPath": "/hq/east/team-1", "createdBy": "u-rep-east1-a", "createdAt": "2026-11-20T08:00:00Z",
             "updatedAt": "2026-11-20T08:15:00Z", "version": 3}""";
    private static final String PROBLEM_EXAMPLE = """
            {"type": "https://channelops.io/problems/quote-not-approved", "title": "Quote not approved",
             "status": 422, "code": "QUOTE_NOT_APPROVED",
             "detail": "Quote Q-2026-000123 version 2 is PENDING_APPROVAL: only an approved quote that was sent can be accepted",
             "traceId": "4bf92f3577b34da6a3ce929d0e0e4736"}""";
    private static final String VERSIONS_EXAMPLE = """
            {"number": "Q-2026-000123", "versions": [
              {"id": "3c2b1a09-8f7e-4d6c-b5a4-9382716a5b4c", "quoteVersion": 1, "status": "SUPERSEDED",
               "quoteDate": "2026-11-02", "validUntil": "2026-12-02", "netTotal": {"amount": 44800.00, "currency": "CNY"},
               "discountPercent": 7.93, "createdBy": "u-rep-east1-a", "createdAt": "2026-11-02T09:00:00Z"},
              {"id": "6f1d8c2e-3b4a-4e5f-9a8b-7c6d5e4f3a2b", "quoteVersion": 2, "status": "PENDING_APPROVAL",
               "quoteDate": "2026-11-20", "validUntil": "2026-12-20", "netTotal": {"amount": 42000.00, "currency": "CNY"},
               "discountPercent": 13.68, "createdBy": "u-rep-east1-a", "createdAt": "2026-11-20T08:00:00Z"}]}""";

    private final QuoteService quotes;

    QuoteController(QuoteService quotes) {
        this.quotes = quotes;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('quotes:write')")
    @Operation(summary = "Create a quote", description = "For a customer (customerId) or from an opportunity the caller "
            + "sees and that is open (opportunityId: 422 UNKNOWN_OPPORTUNITY, OPPORTUNITY_CLOSED, CUSTOMER_MISMATCH); "
            + "from an opportunity the quote takes its customer and owner and, without lines, its products. Each line "
            + "is priced with the effective price for the customer, quantity and quote date (today); ask for a "
            + "unitPrice or a discountPercent per line. 422 UNKNOWN_PRODUCT, PRODUCT_DISCONTINUED, QUOTE_CURRENCY_MISMATCH, "
            + "QUOTE_VALIDITY. The quote gets the next number Q-YYYY-NNNNNN, version 1, status DRAFT. Send an "
            + "Idempotency-Key to make retries safe.",
            responses = @ApiResponse(responseCode = "201", description = "The new quote",
                    content = @Content(mediaType = "application/json",
                            examples = @ExampleObject(name = "created", value = QUOTE_EXAMPLE))))
    ResponseEntity<QuoteResponse> create(@Valid @RequestBody QuoteRequest request,
            @Parameter(description = "Makes a retried create return the first result", example = "3f6c2a10-quote-1")
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        Quote quote = quotes.create(request.toNewQuote());
        return ResponseEntity.created(URI.create("/api/v1/quotes/" + quote.id()))
                .eTag(ETags.of(quote.version())).body(QuoteResponse.of(quote));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('quotes:read')")
    @Operation(summary = "Read a quote version", description = "With its lines, totals and approval record. An "
            + "approved or sent quote whose validity has passed is EXPIRED from now on. 404 when it does not exist or "
            + "lies outside the caller's data scope.",
            responses = @ApiResponse(responseCode = "200", description = "The quote",
                    content = @Content(mediaType = "application/json",
                            examples = @ExampleObject(name = "pending approval", value = QUOTE_EXAMPLE))))
    ResponseEntity<QuoteResponse> get(@PathVariable String id) {
        return ok(quotes.get(id));
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasAuthority('quotes:write')")
    @Operation(summary = "Change a draft quote", description = "Lines (all replaced and re-priced on the quote date), "
            + "validUntil, notes, terms. Only in DRAFT (409 ILLEGAL_STATE_TRANSITION otherwise: revise the quote). "
            + "Requires the quote's ETag in If-Match (428 without, 412 when stale).",
            responses = @ApiResponse(responseCode = "200", description = "The changed quote",
                    content = @Content(mediaType = "application/json",
                            examples = @ExampleObject(name = "changed", value = QUOTE_EXAMPLE))))
    ResponseEntity<QuoteResponse> change(@PathVariable String id,
            @Parameter(description = "The quote's ETag", example = "\"3\"")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody QuoteChangeRequest request) {
        return ok(quotes.change(id, ifMatch, request.toChange()));
    }

    @PostMapping("/{id}/submit")
    @PreAuthorize("hasAuthority('quotes:write')")
    @Operation(summary = "Submit a draft quote", description = "APPROVED at once when no line is below its floor price "
            + "and the total discount off the list prices is within the submitter's limit (by role: "
            + "channelops.sales.quotes.discount-limit.*), else PENDING_APPROVAL with the reasons (BELOW_FLOOR, "
            + "DISCOUNT_OVER_LIMIT). Either way recorded in the approval record. 422 QUOTE_EMPTY, "
            + "QUOTE_VALIDITY_PASSED; 409 ILLEGAL_STATE_TRANSITION unless DRAFT.",
            responses = @ApiResponse(responseCode = "200", description = "The submitted quote",
                    content = @Content(mediaType = "application/json",
                            examples = @ExampleObject(name = "needs approval", value = QUOTE_EXAMPLE))))
    ResponseEntity<QuoteResponse> submit(@PathVariable String id,
            @Parameter(description = IF_MATCH_OPTIONAL, example = "\"2\"")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return ok(quotes.submit(id, ifMatch));
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize("hasAuthority('quotes:approve')")
    @Operation(summary = "Approve a quote", description = "A manager or director within whose scope the quote lies "
            + "approves a PENDING_APPROVAL quote, optionally saying why: APPROVED, recorded with who, when and the note. "
            + "The submitter cannot approve their own quote (422 SAME_PERSON_STEP); 409 ILLEGAL_STATE_TRANSITION "
            + "unless PENDING_APPROVAL.",
            responses = @ApiResponse(responseCode = "422", description = "The submitter tried to approve",
                    content = @Content(mediaType = "application/problem+json",
                            examples = @ExampleObject(name = "own quote", value = """
                                    {"type": "https://channelops.io/problems/same-person-step",
                                     "title": "Another person must do this step", "status": 422,
                                     "code": "SAME_PERSON_STEP",
                                     "detail": "You submitted quote Q-2026-000123; another manager must approve it",
                                     "traceId": "4bf92f3577b34da6a3ce929d0e0e4736"}"""))))
    ResponseEntity<QuoteResponse> approve(@PathVariable String id,
            @Parameter(description = IF_MATCH_OPTIONAL, example = "\"3\"")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody(required = false) @Nullable ApproveRequest request) {
        return ok(quotes.approve(id, ifMatch, request == null ? null : request.note()));
    }

    @PostMapping("/{id}/reject")
    @PreAuthorize("hasAuthority('quotes:approve')")
    @Operation(summary = "Reject a quote", description = "A manager or director within whose scope the quote lies "
            + "refuses a PENDING_APPROVAL quote, saying why (note required): REJECTED, recorded with who, when and the "
            + "note. Revise it to make a new version. The submitter cannot reject their own quote (422 "
            + "SAME_PERSON_STEP).")
    ResponseEntity<QuoteResponse> reject(@PathVariable String id,
            @Parameter(description = IF_MATCH_OPTIONAL, example = "\"3\"")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody RejectRequest request) {
        return ok(quotes.reject(id, ifMatch, request.note()));
    }

    @PostMapping("/{id}/send")
    @PreAuthorize("hasAuthority('quotes:write')")
    @Operation(summary = "Mark a quote as sent to the customer", description = "APPROVED → SENT. 409 "
            + "ILLEGAL_STATE_TRANSITION from any other state; 422 QUOTE_EXPIRED when its validity has passed.")
    ResponseEntity<QuoteResponse> send(@PathVariable String id,
            @Parameter(description = IF_MATCH_OPTIONAL, example = "\"4\"")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return ok(quotes.send(id, ifMatch));
    }

    @PostMapping("/{id}/accept")
    @PreAuthorize("hasAuthority('quotes:write')")
    @Operation(summary = "Record the customer's acceptance", description = "SENT → ACCEPTED within the validity; "
            + "publishes QuoteAccepted (topic sales.quotes) with the lines at their agreed and list unit prices, so "
            + "order-service can create an order from it. A quote that was never approved (DRAFT, PENDING_APPROVAL, "
            + "REJECTED) answers 422 QUOTE_NOT_APPROVED and stays as it is; after validUntil 422 QUOTE_EXPIRED (the "
            + "quote is EXPIRED from then on); any other state 409 ILLEGAL_STATE_TRANSITION.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The accepted quote",
                        content = @Content(mediaType = "application/json",
                                examples = @ExampleObject(name = "accepted", value = QUOTE_EXAMPLE))),
                @ApiResponse(responseCode = "422", description = "Not approved, or expired",
                        content = @Content(mediaType = "application/problem+json",
                                examples = @ExampleObject(name = "not approved", value = PROBLEM_EXAMPLE)))})
    ResponseEntity<QuoteResponse> accept(@PathVariable String id,
            @Parameter(description = IF_MATCH_OPTIONAL, example = "\"5\"")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return ok(quotes.accept(id, ifMatch));
    }

    @PostMapping("/{id}/decline")
    @PreAuthorize("hasAuthority('quotes:write')")
    @Operation(summary = "Record that the customer declined", description = "APPROVED or SENT → DECLINED with the "
            + "reason (required). 409 ILLEGAL_STATE_TRANSITION from other states; 422 QUOTE_EXPIRED after validity.")
    ResponseEntity<QuoteResponse> decline(@PathVariable String id,
            @Parameter(description = IF_MATCH_OPTIONAL, example = "\"5\"")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody DeclineRequest request) {
        return ok(quotes.decline(id, ifMatch, request.reason()));
    }

    @PostMapping("/{id}/revise")
    @PreAuthorize("hasAuthority('quotes:write')")
    @Operation(summary = "Revise a quote into a new version", description = "From PENDING_APPROVAL, APPROVED, "
            + "REJECTED, SENT, DECLINED or EXPIRED: creates the next version (same number, quoteVersion + 1) in DRAFT "
            + "with the same customer, opportunity, notes and terms, and the lines re-priced on today's date (each "
            + "keeps its requested unit price or discount), valid for the configured number of days. This version "
            + "becomes SUPERSEDED. Answers the new version (201, Location). 409 from DRAFT (change it instead), "
            + "ACCEPTED or SUPERSEDED.",
            responses = @ApiResponse(responseCode = "201", description = "The new version",
                    content = @Content(mediaType = "application/json",
                            examples = @ExampleObject(name = "version 2", value = QUOTE_EXAMPLE))))
    ResponseEntity<QuoteResponse> revise(@PathVariable String id,
            @Parameter(description = IF_MATCH_OPTIONAL, example = "\"6\"")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        Quote next = quotes.revise(id, ifMatch);
        return ResponseEntity.created(URI.create("/api/v1/quotes/" + next.id()))
                .eTag(ETags.of(next.version())).body(QuoteResponse.of(next));
    }

    @GetMapping("/{id}/versions")
    @PreAuthorize("hasAuthority('quotes:read')")
    @Operation(summary = "List the versions of a quote", description = "Every version of the quote number of this "
            + "quote version, oldest first.",
            responses = @ApiResponse(responseCode = "200", description = "The versions",
                    content = @Content(mediaType = "application/json",
                            examples = @ExampleObject(name = "two versions", value = VERSIONS_EXAMPLE))))
    QuoteVersionsResponse versions(@PathVariable String id) {
        var versions = quotes.versions(id);
        return QuoteVersionsResponse.of(versions.getFirst().number(), versions);
    }

    @GetMapping("/{id}/pdf")
    @PreAuthorize("hasAuthority('quotes:read')")
    @Operation(summary = "Render a quote version as PDF", description = "An A4 document with the quote number, "
            + "version, status, dates, customer, sales rep, lines, totals (net, VAT, gross), notes and terms. Names in "
            + "CJK scripts need a CJK font configured (QUOTES_PDF_FONT).",
            responses = @ApiResponse(responseCode = "200", description = "The PDF document",
                    content = @Content(mediaType = "application/pdf",
                            schema = @Schema(type = "string", format = "binary"))))
    ResponseEntity<byte[]> pdf(@PathVariable String id) {
        QuoteService.Rendering rendering = quotes.pdf(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(rendering.fileName()).build().toString())
                .body(rendering.content());
    }

    @GetMapping
    @PreAuthorize("hasAuthority('quotes:read')")
    @Operation(summary = "Search quotes", description = "Filter by status, customer, opportunity, owner, a day the "
            + "quote is valid on (quoteDate ≤ validOn ≤ validUntil) and text in the number or notes. Without a status "
            + "(or allVersions=true) superseded versions are left out. Approved and sent quotes past their validity "
            + "are expired first. Lists only the quotes in the caller's data scope; newest first by default.")
    PageResponse<QuoteResponse> search(
            @Parameter(description = "DRAFT, PENDING_APPROVAL, APPROVED, REJECTED, SENT, ACCEPTED, DECLINED, "
                    + "EXPIRED or SUPERSEDED", example = "PENDING_APPROVAL")
            @RequestParam(required = false) @Nullable QuoteStatus status,
            @RequestParam(required = false) @Nullable @Size(max = 64) String customerId,
            @RequestParam(required = false) @Nullable @Size(max = 64) String opportunityId,
            @Parameter(example = "u-rep-east1-a") @RequestParam(required = false) @Nullable @Size(max = 64)
            String ownerId,
            @Parameter(example = "2026-12-01") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate validOn,
            @Parameter(description = "Text in the quote number or notes", example = "Q-2026-0001")
            @RequestParam(required = false) @Nullable @Size(max = 100) String q,
            @Parameter(description = "Also list superseded versions") @RequestParam(defaultValue = "false")
            boolean allVersions,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @Parameter(description = "createdAt, updatedAt, number, quoteDate, validUntil or netTotal, optionally ,asc "
                    + "or ,desc; default createdAt,desc", example = "validUntil")
            @RequestParam(defaultValue = "") String sort) {
        Pageable pageable = Paging.pageable(page, size, sort, Sort.by("createdAt").descending(), SORTS);
        // the id breaks ties, so equal values never move between pages
        pageable = PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(),
                pageable.getSort().and(Sort.by("id")));
        return PageResponse.of(quotes.search(new QuoteService.Filter(status, customerId, opportunityId, ownerId,
                validOn, q, allVersions), pageable), QuoteResponse::of);
    }

    private static ResponseEntity<QuoteResponse> ok(Quote quote) {
        return ResponseEntity.ok().eTag(ETags.of(quote.version())).body(QuoteResponse.of(quote));
    }
}

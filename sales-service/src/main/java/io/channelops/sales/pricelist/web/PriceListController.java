package io.channelops.sales.pricelist.web;

import io.channelops.platform.web.ETags;
import io.channelops.platform.web.PageResponse;
import io.channelops.platform.web.Paging;
import io.channelops.sales.pricelist.PriceList;
import io.channelops.sales.pricelist.PriceListHistory;
import io.channelops.sales.pricelist.PriceListService;
import io.channelops.sales.pricelist.PriceListStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
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
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/price-lists}: price lists, their lines, their approval and their history. Company-wide reference
 * data, guarded by permission only: {@code prices:write} enters and submits, {@code prices:review} reviews,
 * {@code prices:approve} confirms (activates); reading needs {@code prices:read}, or {@code prices:review} /
 * {@code prices:approve} (whoever reviews or confirms a list must be able to read it).
 */
@RestController
@RequestMapping("/api/v1/price-lists")
@Tag(name = "Price lists", description = "Price lists under entry → review → confirm, with history")
class PriceListController {

    private static final String READ = "hasAnyAuthority('prices:read', 'prices:review', 'prices:approve')";
    private static final Set<String> SORTS = Set.of("name", "validFrom", "createdAt", "status");
    private static final String SAME_PERSON = " The same person cannot do two steps: 422 SAME_PERSON_STEP.";

    private final PriceListService priceLists;
    private final PriceListHistory history;

    PriceListController(PriceListService priceLists, PriceListHistory history) {
        this.priceLists = priceLists;
        this.history = history;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('prices:write')")
    @Operation(summary = "Enter a price list", description = "A new DRAFT list, entered by the caller, optionally "
            + "with lines. 422 UNKNOWN_PRODUCT / UNKNOWN_CATEGORY for references that do not exist, "
            + "FLOOR_ABOVE_LIST_PRICE, PRICE_BREAKS_INVALID, PRICE_BREAK_BELOW_FLOOR, PRICE_LINE_TARGET, "
            + "PRICE_LIST_VALIDITY; 409 DUPLICATE_PRICE_LIST_LINE. Send an Idempotency-Key to make retries safe.")
    ResponseEntity<PriceListResponse> create(@Valid @RequestBody PriceListRequest request,
            @Parameter(description = "Makes a retried create return the first result")
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        PriceList list = priceLists.create(request.toHeader(), request.toLines());
        return ResponseEntity.created(URI.create("/api/v1/price-lists/" + list.id())).eTag(ETags.of(list.version()))
                .body(PriceListResponse.withLines(list));
    }

    @GetMapping("/{id}")
    @PreAuthorize(READ)
    @Operation(summary = "Read a price list with its lines")
    ResponseEntity<PriceListResponse> get(@PathVariable String id) {
        return withETag(priceLists.get(id));
    }

    @GetMapping
    @PreAuthorize(READ)
    @Operation(summary = "List price lists", description = "Filter by status, by a scope field (lists scoped to "
            + "exactly that value), by validOn (lists whose validity contains the date) and by text in the name. "
            + "Without lines (read one list for them).")
    @ApiResponse(responseCode = "200", description = "A page of price lists", content = @Content(
            mediaType = "application/json", examples = @ExampleObject(name = "active in the east", value = """
                    {"content": [{"id": "3c9d2f1e-7b6a-4c5d-8e9f-0a1b2c3d4e5f", "name": "East key accounts 2026",
                      "currency": "CNY", "validFrom": "2026-04-01", "scope": {"regionCode": "EAST"},
                      "status": "ACTIVE", "createdBy": "u-manager-east", "enteredBy": ["u-manager-east"],
                      "createdAt": "2026-03-19T08:00:00Z", "updatedAt": "2026-03-22T11:00:00Z", "version": 5}],
                     "page": {"number": 0, "size": 20, "totalElements": 1, "totalPages": 1}}""")))
    PageResponse<PriceListResponse> search(@RequestParam(required = false) @Nullable PriceListStatus status,
            @RequestParam(required = false) @Nullable @Pattern(regexp = "[A-Za-z0-9-]{1,32}") String regionCode,
            @RequestParam(required = false) @Nullable @Size(max = 32) String customerType,
            @RequestParam(required = false) @Nullable @Size(max = 32) String customerLevel,
            @RequestParam(required = false) @Nullable @Size(max = 36) String categoryId,
            @Parameter(description = "Only lists valid on this date (ISO)")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate validOn,
            @RequestParam(required = false) @Nullable @Size(max = 100) String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @Parameter(description = "name, validFrom, createdAt or status, optionally ,asc or ,desc")
            @RequestParam(defaultValue = "") String sort) {
        Pageable pageable = Paging.pageable(page, size, sort, Sort.by("createdAt").descending(), SORTS);
        pageable = PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(),
                pageable.getSort().and(Sort.by("id")));
        return PageResponse.of(priceLists.search(new PriceListService.Filter(status, regionCode, customerType,
                customerLevel, categoryId, validOn, q), pageable), PriceListResponse::summary);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('prices:write')")
    @Operation(summary = "Replace a DRAFT list's header", description = "Name, currency, validity and scope; only "
            + "in DRAFT (409 ILLEGAL_STATE_TRANSITION otherwise). Requires the list's ETag in If-Match.")
    ResponseEntity<PriceListResponse> changeHeader(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody PriceListHeaderRequest request) {
        return withETag(priceLists.changeHeader(id, ifMatch, request.toHeader()));
    }

    @PostMapping("/{id}/lines")
    @PreAuthorize("hasAuthority('prices:write')")
    @Operation(summary = "Add a line to a DRAFT list", description = "By product or by category; 409 "
            + "DUPLICATE_PRICE_LIST_LINE when the list already prices it. If-Match (the list's ETag) is optional "
            + "and checked when sent; the answer's ETag is the list's new version.")
    ResponseEntity<PriceListLineResponse> addLine(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody PriceListLineRequest request) {
        PriceListService.LineChange change = priceLists.addLine(id, ifMatch, request.toPrices());
        return ResponseEntity.created(URI.create("/api/v1/price-lists/" + id + "/lines/" + change.line().id()))
                .eTag(ETags.of(change.priceList().version()))
                .body(PriceListLineResponse.of(change.line(), change.priceList().currency()));
    }

    @GetMapping("/{id}/lines/{lineId}")
    @PreAuthorize(READ)
    @Operation(summary = "Read one line of a price list")
    PriceListLineResponse line(@PathVariable String id, @PathVariable String lineId) {
        PriceList list = priceLists.get(id);
        return PriceListLineResponse.of(priceLists.line(id, lineId), list.currency());
    }

    @PutMapping("/{id}/lines/{lineId}")
    @PreAuthorize("hasAuthority('prices:write')")
    @Operation(summary = "Change a DRAFT line's prices", description = "The product or category of a line cannot "
            + "change (422 PRICE_LINE_TARGET). Requires the list's ETag in If-Match.")
    ResponseEntity<PriceListLineResponse> repriceLine(@PathVariable String id, @PathVariable String lineId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody PriceListLineRequest request) {
        PriceListService.LineChange change = priceLists.repriceLine(id, lineId, ifMatch, request.toPrices());
        return ResponseEntity.ok().eTag(ETags.of(change.priceList().version()))
                .body(PriceListLineResponse.of(change.line(), change.priceList().currency()));
    }

    @DeleteMapping("/{id}/lines/{lineId}")
    @PreAuthorize("hasAuthority('prices:write')")
    @Operation(summary = "Remove a DRAFT line", description = "Requires the list's ETag in If-Match; the answer's "
            + "ETag is the list's new version. The line stays in the list's history.")
    @ApiResponse(responseCode = "204", description = "Removed")
    ResponseEntity<Void> removeLine(@PathVariable String id, @PathVariable String lineId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        PriceList list = priceLists.removeLine(id, lineId, ifMatch);
        return ResponseEntity.noContent().eTag(ETags.of(list.version())).build();
    }

    @PostMapping("/{id}/submit")
    @PreAuthorize("hasAuthority('prices:write')")
    @Operation(summary = "Submit a DRAFT list for review", description = "DRAFT → SUBMITTED; a list without lines "
            + "cannot be submitted (422 PRICE_LIST_EMPTY). If-Match optional, checked when sent.")
    ResponseEntity<PriceListResponse> submit(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return withETag(priceLists.submit(id, ifMatch));
    }

    @PostMapping("/{id}/review")
    @PreAuthorize("hasAuthority('prices:review')")
    @Operation(summary = "Review a submitted list", description = "SUBMITTED → REVIEWED, by someone who neither "
            + "entered, edited nor submitted it." + SAME_PERSON + " If-Match optional, checked when sent.")
    ResponseEntity<PriceListResponse> review(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return withETag(priceLists.review(id, ifMatch));
    }

    @PostMapping("/{id}/activate")
    @PreAuthorize("hasAuthority('prices:approve')")
    @Operation(summary = "Confirm (activate) a reviewed list", description = "REVIEWED → ACTIVE, by someone who "
            + "neither entered, edited, submitted nor reviewed it." + SAME_PERSON + " Active lists of exactly the "
            + "same scope that overlap and start earlier end the day before this one starts (never deleted); one "
            + "that starts on or after this one's start makes the activation fail with 409 PRICE_LIST_OVERLAP. A "
            + "list whose end date is past: 422 PRICE_LIST_PERIOD_OVER. Publishes PriceListActivated. If-Match "
            + "optional, checked when sent.")
    ResponseEntity<PriceListResponse> activate(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return withETag(priceLists.activate(id, ifMatch));
    }

    @PostMapping("/{id}/reject")
    @PreAuthorize("hasAnyAuthority('prices:review', 'prices:approve')")
    @Operation(summary = "Reject a list back to DRAFT", description = "A SUBMITTED list by a reviewer "
            + "(prices:review), a REVIEWED one by a confirmer (prices:approve), with a note; the same four-eyes rules "
            + "as the step it replaces." + SAME_PERSON + " 422 PRICE_LIST_REJECT_NOT_ALLOWED without the step's "
            + "permission. If-Match optional, checked when sent.")
    ResponseEntity<PriceListResponse> reject(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody RejectRequest request) {
        return withETag(priceLists.reject(id, ifMatch, request.note()));
    }

    @GetMapping("/{id}/history")
    @PreAuthorize(READ)
    @Operation(summary = "A price list's history", description = "Every change of the list and its lines, oldest "
            + "first: revision, when, by whom, which record, and each changed field from → to.")
    PriceListHistoryResponse history(@PathVariable String id) {
        return new PriceListHistoryResponse(id, history.of(id));
    }

    private static ResponseEntity<PriceListResponse> withETag(PriceList list) {
        return ResponseEntity.ok().eTag(ETags.of(list.version())).body(PriceListResponse.withLines(list));
    }
}

package io.channelops.customer.ownership.web;

import io.channelops.customer.customer.Customer;
import io.channelops.customer.ownership.OpenPool;
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
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
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
 * The open pool: list what the caller may claim ({@code customers:read}), claim ({@code customers:write}), and put
 * a customer back ({@code customers:assign}). Pool visibility is its own rule (see {@link OpenPool}).
 */
@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Open pool", description = "Untouched prospects waiting for a rep of their org unit to claim them")
class PoolController {

    private static final Set<String> SORTS = Set.of("name", "code", "createdAt", "updatedAt");

    private final OpenPool pool;

    PoolController(OpenPool pool) {
        this.pool = pool;
    }

    @GetMapping("/pool")
    @PreAuthorize("hasAuthority('customers:read')")
    @Operation(summary = "List the open pool the caller may claim from",
            description = "Customers in the pool of the caller's org unit or any unit below it (a rep: their "
                    + "team's pool; a manager: every pool of their subtree; director and auditor: all pools; an "
                    + "integration client: pools at or below its registration's org path). `q` matches name or "
                    + "code. Sort name, code, createdAt or updatedAt (when it entered the pool); default "
                    + "updatedAt,desc.",
            responses = @ApiResponse(responseCode = "200", description = "A page of pool customers",
                    content = @Content(mediaType = "application/json", examples = @ExampleObject("""
                            {"content": [{"id": "5f0c8a4e-1b7d-4c1e-9a53-0f6f1d2a9b10", "code": "ACME-SH",
                              "name": "Acme Trading (Shanghai)", "type": "DISTRIBUTOR", "regionCode": "EAST",
                              "level": "NORMAL", "status": "PROSPECT", "ownerId": "pool",
                              "orgPath": "/hq/east/team-1", "inOpenPool": true,
                              "createdAt": "2026-08-01T09:00:00Z", "updatedAt": "2026-10-03T02:00:00Z",
                              "version": 3}],
                             "page": {"number": 0, "size": 20, "totalElements": 1, "totalPages": 1}}"""))))
    PageResponse<OwnedCustomerResponse> list(@RequestParam(required = false) @Nullable @Size(max = 100) String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @Parameter(description = "name, code, createdAt or updatedAt, optionally ,asc or ,desc")
            @RequestParam(defaultValue = "") String sort) {
        var pageable = Paging.pageable(page, size, sort, Sort.by("updatedAt").descending().and(Sort.by("id")),
                SORTS);
        return PageResponse.of(pool.list(q, pageable), OwnedCustomerResponse::of);
    }

    @PostMapping("/{id}/claim")
    @PreAuthorize("hasAuthority('customers:write')")
    @Operation(summary = "Claim a customer from the open pool",
            description = "The caller becomes the owner and the customer moves to the caller's org path "
                    + "(history row CLAIMED, CustomerReassigned). No body, no If-Match: of concurrent claims "
                    + "exactly one wins. 404 unknown or in a pool the caller does not see; 409 ALREADY_CLAIMED "
                    + "(someone was first) or NOT_IN_POOL; 422 CLAIM_LIMIT_REACHED when the caller already holds "
                    + "channelops.customer.pool.claim-limit claimed prospects; 422 CLAIM_NOT_ALLOWED for "
                    + "integration clients.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The customer, now the caller's"),
                @ApiResponse(responseCode = "409", description = "Someone claimed it first",
                        content = @Content(mediaType = "application/problem+json", examples = @ExampleObject("""
                                {"type": "https://channelops.io/problems/already-claimed",
                                 "title": "Already claimed", "status": 409, "code": "ALREADY_CLAIMED",
                                 "detail": "Customer 5f0c8a4e-1b7d-4c1e-9a53-0f6f1d2a9b10 was already claimed from the open pool",
                                 "traceId": "4bf92f3577b34da6a3ce929d0e0e4736"}"""))),
                @ApiResponse(responseCode = "422", description = "Claim limit reached, or a client",
                        content = @Content(mediaType = "application/problem+json", examples = @ExampleObject("""
                                {"type": "https://channelops.io/problems/claim-limit-reached",
                                 "title": "Claim limit reached", "status": 422, "code": "CLAIM_LIMIT_REACHED",
                                 "detail": "You already hold 50 prospects claimed from the open pool",
                                 "traceId": "4bf92f3577b34da6a3ce929d0e0e4736"}""")))})
    ResponseEntity<OwnedCustomerResponse> claim(@PathVariable String id) {
        Customer customer = pool.claim(id);
        return ResponseEntity.ok().eTag(ETags.of(customer.version())).body(OwnedCustomerResponse.of(customer));
    }

    @PostMapping("/{id}/release-to-pool")
    @PreAuthorize("hasAuthority('customers:assign')")
    @Operation(summary = "Put a customer back into the open pool",
            description = "The customer (visible to the caller, else 404) goes to the open pool of the org unit "
                    + "it lives in: owner `pool`, same org path, history row RELEASED_TO_POOL, CustomerReassigned "
                    + "with toOpenPool. 409 ALREADY_IN_POOL. If-Match is optional; when sent it must be current.",
            responses = @ApiResponse(responseCode = "200", description = "The customer, now in the pool"))
    ResponseEntity<OwnedCustomerResponse> release(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody ReleaseToPoolRequest request) {
        Customer customer = pool.release(id, ifMatch, request.reason().strip());
        return ResponseEntity.ok().eTag(ETags.of(customer.version())).body(OwnedCustomerResponse.of(customer));
    }
}

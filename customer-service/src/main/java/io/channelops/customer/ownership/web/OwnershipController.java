package io.channelops.customer.ownership.web;

import io.channelops.customer.customer.Customer;
import io.channelops.customer.ownership.OwnershipService;
import io.channelops.platform.web.PageResponse;
import io.channelops.platform.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ownership of customers: bulk assignment, moving every customer of a leaving owner, and a customer's assignment
 * history. Assigning needs {@code customers:assign}, the history {@code customers:read}; customers are served only
 * within the caller's data scope.
 */
@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Customer ownership", description = "Assign customers, hand over a leaving rep's customers, history")
class OwnershipController {

    private static final Set<String> HISTORY_SORTS = Set.of("assignedAt");

    private final OwnershipService ownership;

    OwnershipController(OwnershipService ownership) {
        this.ownership = ownership;
    }

    @PostMapping("/assignments")
    @PreAuthorize("hasAuthority('customers:assign')")
    @Operation(summary = "Assign many customers to one user",
            description = "All or nothing: up to 200 customers the caller sees go to an active user within the "
                    + "caller's org subtree, each with one history row and one CustomerReassigned event. When any "
                    + "id does not exist or lies outside the caller's scope, 404 CUSTOMERS_NOT_FOUND names every "
                    + "such id and nothing changes. 422 UNKNOWN_ASSIGNEE / ASSIGNEE_OUT_OF_SCOPE as for a single "
                    + "assignment; 409 CONCURRENT_MODIFICATION (nothing changed) when one of them was changed "
                    + "at the same time. No If-Match: the request names no versions.",
            responses = {
                @ApiResponse(responseCode = "200", description = "Every customer was assigned"),
                @ApiResponse(responseCode = "404", description = "Some ids are unknown or out of scope",
                        content = @Content(mediaType = "application/problem+json", examples = @ExampleObject("""
                                {"type": "https://channelops.io/problems/customers-not-found",
                                 "title": "Customers not found", "status": 404, "code": "CUSTOMERS_NOT_FOUND",
                                 "detail": "Customers not found: 0b6e2d51-7c3a-4f0e-8d2b-3e9a6c1f4a77",
                                 "traceId": "4bf92f3577b34da6a3ce929d0e0e4736"}""")))})
    BulkAssignResponse assignAll(@Valid @RequestBody BulkAssignRequest request) {
        List<Customer> assigned = ownership.assignAll(request.customerIds(), request.ownerId(),
                request.reason().strip());
        Customer first = assigned.getFirst();
        return new BulkAssignResponse(first.ownership().ownerId(), first.ownership().orgPath(), assigned.size(),
                assigned.stream().map(OwnedCustomerResponse::of).toList());
    }

    @PostMapping("/assignments/transfer-owner")
    @PreAuthorize("hasAuthority('customers:assign')")
    @Operation(summary = "Hand every customer of one owner to another user",
            description = "For a leaving rep: moves every customer of fromOwnerId that the caller sees (a manager "
                    + "their subtree, a director all) to toOwnerId, an active user within the caller's org "
                    + "subtree. Works in transactions of channelops.customer.ownership.transfer-batch-size "
                    + "customers, at most transfer-max per call; `remaining` > 0 means call again. Each customer "
                    + "gets one history row (TRANSFERRED) and one CustomerReassigned event. 422 SAME_OWNER, "
                    + "RESERVED_OWNER (fromOwnerId `pool`), UNKNOWN_ASSIGNEE, ASSIGNEE_OUT_OF_SCOPE.",
            responses = @ApiResponse(responseCode = "200", description = "How many moved and how many are left"))
    TransferOwnerResponse transferOwner(@Valid @RequestBody TransferOwnerRequest request) {
        return TransferOwnerResponse.of(ownership.transferAll(request.fromOwnerId(), request.toOwnerId(),
                request.reason().strip()));
    }

    @GetMapping("/{id}/assignments")
    @PreAuthorize("hasAuthority('customers:read')")
    @Operation(summary = "A customer's assignment history",
            description = "Every change of the customer's owner, newest first: assignments (single and bulk), "
                    + "owner transfers, returns to and releases into the open pool, and claims. 404 when the "
                    + "customer is unknown or outside the caller's scope.",
            responses = @ApiResponse(responseCode = "200", description = "A page of history rows",
                    content = @Content(mediaType = "application/json", examples = @ExampleObject("""
                            {"content": [{"id": "c2b1f0a4-8e7d-4a3b-9c61-2d5e8f7a1b34",
                              "customerId": "5f0c8a4e-1b7d-4c1e-9a53-0f6f1d2a9b10", "kind": "CLAIMED",
                              "fromOwnerId": "pool", "fromOrgPath": "/hq/east/team-1",
                              "toOwnerId": "u-rep-east1-b", "toOrgPath": "/hq/east/team-1", "toOpenPool": false,
                              "reason": "claimed from the open pool of /hq/east/team-1",
                              "assignedBy": "u-rep-east1-b", "assignedAt": "2026-10-05T07:30:00Z"}],
                             "page": {"number": 0, "size": 20, "totalElements": 1, "totalPages": 1}}"""))))
    PageResponse<AssignmentResponse> history(@PathVariable String id,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @Parameter(description = "assignedAt, optionally ,asc or ,desc (default assignedAt,desc)")
            @RequestParam(defaultValue = "") String sort) {
        var pageable = Paging.pageable(page, size, sort, Sort.by("assignedAt").descending(), HISTORY_SORTS);
        return PageResponse.of(ownership.history(id, pageable), AssignmentResponse::of);
    }
}

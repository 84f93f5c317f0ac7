package io.channelops.customer.customer.web;

import io.channelops.customer.customer.Customer;
import io.channelops.customer.customer.CustomerService;
import io.channelops.customer.customer.CustomerType;
import io.channelops.platform.web.ETags;
import io.channelops.platform.web.PageResponse;
import io.channelops.platform.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Set;
import org.jspecify.annotations.Nullable;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/customers}: register, read, change, reassign and search customers. Reads need
 * {@code customers:read}, registering and changing {@code customers:write}, reassigning {@code customers:assign};
 * every customer is served only within the caller's data scope (404 outside it, lists filtered).
 */
@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Customers", description = "The customer archive")
class CustomerController {

    private static final Set<String> SORTS = Set.of("name", "code", "createdAt", "regionCode");

    private final CustomerService customers;

    CustomerController(CustomerService customers) {
        this.customers = customers;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('customers:write')")
    @Operation(summary = "Register a customer", description = "Send an Idempotency-Key to make retries safe. "
            + "The caller becomes the owner; the customer lives in the caller's org unit.")
    ResponseEntity<CustomerResponse> register(@Valid @RequestBody CustomerRequest request,
            @Parameter(description = "Makes a retried create return the first result")
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        Customer customer = customers.register(request.toRegistration());
        return ResponseEntity.created(URI.create("/api/v1/customers/" + customer.id()))
                .eTag(ETags.of(customer.version()))
                .body(CustomerResponse.of(customer));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('customers:read')")
    @Operation(summary = "Read a customer")
    ResponseEntity<CustomerResponse> get(@PathVariable String id) {
        Customer customer = customers.get(id);
        return ResponseEntity.ok().eTag(ETags.of(customer.version())).body(CustomerResponse.of(customer));
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasAuthority('customers:write')")
    @Operation(summary = "Change a customer", description = "Requires the customer's ETag in If-Match.")
    ResponseEntity<CustomerResponse> change(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody CustomerChangeRequest request) {
        Customer customer = customers.change(id, ifMatch,
                new CustomerService.Change(request.name(), request.email()));
        return ResponseEntity.ok().eTag(ETags.of(customer.version())).body(CustomerResponse.of(customer));
    }

    @PostMapping("/{id}/assign")
    @PreAuthorize("hasAuthority('customers:assign')")
    @Operation(summary = "Reassign a customer", description = "Hands the customer to another active user within "
            + "the caller's org subtree; it then lives in that user's org unit. Requires the customer's ETag in "
            + "If-Match. 422 UNKNOWN_ASSIGNEE or ASSIGNEE_OUT_OF_SCOPE when the user cannot take it.")
    ResponseEntity<CustomerResponse> assign(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody CustomerAssignRequest request) {
        Customer customer = customers.assign(id, ifMatch, request.toAssignment());
        return ResponseEntity.ok().eTag(ETags.of(customer.version())).body(CustomerResponse.of(customer));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('customers:read')")
    @Operation(summary = "Search customers", description = "Filter by type, region and text in name or code. "
            + "Lists only the customers in the caller's data scope.")
    PageResponse<CustomerResponse> search(@RequestParam(required = false) @Nullable CustomerType type,
            @RequestParam(required = false) @Nullable @Size(max = 32) String regionCode,
            @RequestParam(required = false) @Nullable @Size(max = 100) String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @Parameter(description = "name, code, createdAt or regionCode, optionally ,asc or ,desc")
            @RequestParam(defaultValue = "") String sort) {
        var pageable = Paging.pageable(page, size, sort, Sort.by("createdAt").descending().and(Sort.by("id")),
                SORTS);
        return PageResponse.of(customers.search(new CustomerService.Filter(type, regionCode, q), pageable),
                CustomerResponse::of);
    }
}

package io.channelops.order.order.web;

import io.channelops.order.order.Order;
import io.channelops.order.order.OrderService;
import io.channelops.order.order.OrderStatus;
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
import java.util.Locale;
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
 * {@code /api/v1/orders}: create, read and list orders, and move them through their life cycle.
 * Permissions: reads {@code orders:read}; create, submit and cancel {@code orders:write}; release
 * from a credit hold (a manager's decision) {@code orders:approve}. Every id-bearing endpoint
 * answers 404 for an order outside the caller's data scope, and the list only holds orders in it.
 */
@RestController
@RequestMapping("/api/v1/orders")
@Tag(name = "Orders", description = "Sales orders under price and credit control")
class OrderController {

    private static final Set<String> SORTS = Set.of("createdAt", "updatedAt", "submittedAt", "number", "status");

    private static final String FROM_QUOTE_EXAMPLE = """
            {"id": "2b9d7c1e-4f3a-4b5c-8d6e-7f8a9b0c1d2e", "number": "SO-7KQ2M9XH4P",
             "customerId": "5d0c7a7e-2f0b-4c1e-8a57-1c2d3e4f5a6b", "salesRepId": "u-rep-east1-a", "currency": "CNY",
             "quote": {"id": "6f1d8c2e-3b4a-4e5f-9a8b-7c6d5e4f3a2b", "number": "Q-2026-000123", "version": 2},
             "status": "DRAFT",
             "lines": [{"lineNo": 1, "productId": "0b7c3f0e-6a57-4d0e-9a55-3f2f1c9b8e21", "quantity": 40,
                        "unitPrice": {"amount": 1050.00, "currency": "CNY"},
                        "lineTotal": {"amount": 42000.00, "currency": "CNY"}, "priceSource": "QUOTE",
                        "shippedQuantity": 0}],
             "total": {"amount": 42000.00, "currency": "CNY"}, "creditCheck": {"attempts": 0},
             "createdAt": "2026-11-21T09:30:00Z", "updatedAt": "2026-11-21T09:30:00Z", "version": 0}""";

    private final OrderService orders;

    OrderController(OrderService orders) {
        this.orders = orders;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('orders:write')")
    @Operation(summary = "Create a draft order",
            description = "Each line is priced with sales-service's effective price for the customer and quantity. "
                    + "422 UNKNOWN_PRODUCT, PRODUCT_DISCONTINUED, CURRENCY_MISMATCH or PRICE_NOT_AVAILABLE when a line "
                    + "cannot be priced; 503 DEPENDENCY_UNAVAILABLE when sales-service cannot be reached. Nothing is "
                    + "created then. The order belongs to the caller (its sales rep). Send an Idempotency-Key to "
                    + "make retries safe.")
    ResponseEntity<OrderResponse> create(@Valid @RequestBody OrderRequest request,
            @Parameter(description = "Makes a retried create return the first result")
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        Order order = orders.create(request.toNewOrder());
        return ResponseEntity.created(URI.create("/api/v1/orders/" + order.id()))
                .eTag(ETags.of(order.version()))
                .body(OrderResponse.of(order));
    }

    @PostMapping("/from-quote")
    @PreAuthorize("hasAuthority('orders:write')")
    @Operation(summary = "Create a draft order from an accepted quote",
            description = "Reads the quote from sales-service with the caller's token (so the caller needs "
                    + "quotes:read and must see the quote: otherwise 422 UNKNOWN_QUOTE) and creates a DRAFT order "
                    + "with the quote's customer, currency and lines at the quote's agreed unit prices (price source "
                    + "QUOTE: they are not re-priced; the quote's own approval in sales-service was their price "
                    + "control). The order belongs to the quote's owner (its sales rep) and remembers the quote. Only "
                    + "an ACCEPTED quote within its validity: 422 QUOTE_NOT_ACCEPTED otherwise; 422 "
                    + "QUOTE_NOT_ORDERABLE when it cannot be an order; 503 DEPENDENCY_UNAVAILABLE when sales-service "
                    + "cannot be reached. One order per quote: 201 the first time, 200 with the same order after. "
                    + "Then submit it as any order.",
            responses = {
                @ApiResponse(responseCode = "201", description = "The new order",
                        content = @Content(mediaType = "application/json",
                                examples = @ExampleObject(name = "created", value = FROM_QUOTE_EXAMPLE))),
                @ApiResponse(responseCode = "200", description = "The order created from this quote before",
                        content = @Content(mediaType = "application/json",
                                examples = @ExampleObject(name = "existing", value = FROM_QUOTE_EXAMPLE))),
                @ApiResponse(responseCode = "422", description = "The quote is not accepted or no longer valid",
                        content = @Content(mediaType = "application/problem+json",
                                examples = @ExampleObject(name = "not accepted", value = """
                                        {"type": "https://channelops.io/problems/quote-not-accepted",
                                         "title": "Quote not accepted", "status": 422, "code": "QUOTE_NOT_ACCEPTED",
                                         "detail": "Quote Q-2026-000123 is SENT: only an accepted quote within its validity becomes an order",
                                         "traceId": "4bf92f3577b34da6a3ce929d0e0e4736"}""")))})
    ResponseEntity<OrderResponse> createFromQuote(@Valid @RequestBody FromQuoteRequest request) {
        OrderService.FromQuote result = orders.createFromQuote(request.normalizedQuoteId());
        Order order = result.order();
        if (!result.created()) {
            return ok(order);
        }
        return ResponseEntity.created(URI.create("/api/v1/orders/" + order.id()))
                .eTag(ETags.of(order.version()))
                .body(OrderResponse.of(order));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('orders:read')")
    @Operation(summary = "Read an order", description = "404 when the order is outside the caller's data scope.")
    ResponseEntity<OrderResponse> get(@PathVariable String id) {
        return ok(orders.get(id));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('orders:read')")
    @Operation(summary = "List orders", description = "The orders in the caller's data scope, filtered by "
            + "customer, sales rep (the order's owner) and status; newest first.")
    PageResponse<OrderResponse> search(
            @RequestParam(required = false) @Nullable @Pattern(regexp = Ids.UUID) String customerId,
            @RequestParam(required = false) @Nullable @Pattern(regexp = Ids.OPAQUE) String salesRepId,
            @RequestParam(required = false) @Nullable OrderStatus status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @Parameter(description = "createdAt, updatedAt, submittedAt, number or status, optionally ,asc or ,desc")
            @RequestParam(defaultValue = "") String sort) {
        var pageable = Paging.pageable(page, size, sort, Sort.by("createdAt").descending().and(Sort.by("id")), SORTS);
        var filter = new OrderService.Filter(customerId == null ? null : customerId.toLowerCase(Locale.ROOT),
                salesRepId, status);
        return PageResponse.of(orders.search(filter, pageable), OrderResponse::of);
    }

    @PostMapping("/{id}/submit")
    @PreAuthorize("hasAuthority('orders:write')")
    @Operation(summary = "Submit a draft order through the credit gate",
            description = "APPROVED (publishes OrderApproved), CREDIT_HOLD (publishes OrderCreditHeld) or, when "
                    + "finance-service cannot answer, CREDIT_CHECK_PENDING: re-checked in the background until decided. "
                    + "409 ILLEGAL_STATE_TRANSITION unless DRAFT. If-Match is optional; when sent it must be current.")
    ResponseEntity<OrderResponse> submit(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return ok(orders.submit(id, ifMatch));
    }

    @PostMapping("/{id}/release")
    @PreAuthorize("hasAuthority('orders:approve')")
    @Operation(summary = "Release an order from its credit hold",
            description = "CREDIT_HOLD → APPROVED (publishes OrderApproved); 409 ILLEGAL_STATE_TRANSITION otherwise.")
    ResponseEntity<OrderResponse> release(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return ok(orders.release(id, ifMatch));
    }

    @PostMapping("/{id}/cancel")
    @PreAuthorize("hasAuthority('orders:write')")
    @Operation(summary = "Cancel an order that is not approved yet",
            description = "From DRAFT, CREDIT_HOLD or CREDIT_CHECK_PENDING; 409 ILLEGAL_STATE_TRANSITION otherwise.")
    ResponseEntity<OrderResponse> cancel(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return ok(orders.cancel(id, ifMatch));
    }

    private static ResponseEntity<OrderResponse> ok(Order order) {
        return ResponseEntity.ok().eTag(ETags.of(order.version())).body(OrderResponse.of(order));
    }
}

package io.channelops.finance.receivables.web;

import io.channelops.finance.receivables.Invoice;
import io.channelops.finance.receivables.InvoiceStatus;
import io.channelops.finance.receivables.ReceivablesService;
import io.channelops.platform.web.ETags;
import io.channelops.platform.web.PageResponse;
import io.channelops.platform.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/invoices}: invoices issued for dispatched shipments. Needs {@code finance:read};
 * an invoice is owned like its order, so a caller sees the invoices of their data scope only (out of
 * scope: 404, left out of the list).
 */
@RestController
@PreAuthorize("hasAuthority('finance:read')")
@RequestMapping("/api/v1/invoices")
@Tag(name = "Invoices", description = "Invoices issued for dispatched shipments and what is open on them")
class InvoiceController {

    private static final Set<String> SORTS = Set.of("issuedAt", "dueDate", "number", "total");

    private final ReceivablesService receivables;

    InvoiceController(ReceivablesService receivables) {
        this.receivables = receivables;
    }

    @GetMapping
    @Operation(summary = "Search invoices",
            description = "Needs finance:read. Filter by order, customer and status; lists only the invoices in "
                    + "the caller's data scope.")
    PageResponse<InvoiceResponse> search(@RequestParam(required = false) @Nullable @Size(max = 64) String orderId,
            @RequestParam(required = false) @Nullable @Size(max = 64) String customerId,
            @RequestParam(required = false) @Nullable InvoiceStatus status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @Parameter(description = "issuedAt, dueDate, number or total, optionally ,asc or ,desc")
            @RequestParam(defaultValue = "") String sort) {
        var pageable = Paging.pageable(page, size, sort, Sort.by("issuedAt").descending().and(Sort.by("id")), SORTS);
        return PageResponse.of(receivables.search(new ReceivablesService.Filter(orderId, customerId, status), pageable),
                InvoiceResponse::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read an invoice",
            description = "Needs finance:read; 404 when the invoice is outside the caller's data scope.")
    ResponseEntity<InvoiceResponse> get(@PathVariable String id) {
        Invoice invoice = receivables.get(id);
        return ResponseEntity.ok().eTag(ETags.of(invoice.version())).body(InvoiceResponse.of(invoice));
    }
}

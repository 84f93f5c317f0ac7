package io.channelops.logistics.stock.web;

import io.channelops.logistics.stock.MovementType;
import io.channelops.logistics.stock.StockMovement;
import io.channelops.logistics.stock.StockService;
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
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Receipts into a warehouse, stock levels and the stock ledger. Company-wide operations data, like the warehouses
 * themselves: not scoped by org, only by permission ({@code logistics:read} to read, {@code logistics:write} to
 * receive goods).
 */
@RestController
@Tag(name = "Stock", description = "Receipts, stock levels per warehouse and product, and the stock ledger")
class StockController {

    private static final Set<String> LEVEL_SORTS = Set.of("productId", "warehouseId", "onHand", "reserved",
            "updatedAt");
    private static final Set<String> MOVEMENT_SORTS = Set.of("occurredAt", "productId", "type");

    private final StockService stock;

    StockController(StockService stock) {
        this.stock = stock;
    }

    @PostMapping("/api/v1/warehouses/{id}/receipts")
    @PreAuthorize("hasAuthority('logistics:write')")
    @Operation(summary = "Receive goods into a warehouse",
            description = "Adds the quantity to the warehouse's on-hand stock and writes a ledger entry. "
                    + "Send an Idempotency-Key to make retries safe.")
    ResponseEntity<ReceiptResponse> receive(@PathVariable String id, @Valid @RequestBody ReceiptRequest request,
            @Parameter(description = "Makes a retried receipt return the first result instead of counting twice")
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        StockMovement receipt = stock.receive(id, request.productId(), request.quantity(), request.reference());
        return ResponseEntity.created(URI.create("/api/v1/warehouses/" + id + "/receipts/" + receipt.id()))
                .eTag(ETags.of(0))
                .body(ReceiptResponse.of(receipt));
    }

    @GetMapping("/api/v1/warehouses/{id}/receipts/{receiptId}")
    @PreAuthorize("hasAuthority('logistics:read')")
    @Operation(summary = "Read a receipt")
    ResponseEntity<ReceiptResponse> receipt(@PathVariable String id, @PathVariable String receiptId) {
        return ResponseEntity.ok().eTag(ETags.of(0)).body(ReceiptResponse.of(stock.receipt(id, receiptId)));
    }

    @GetMapping("/api/v1/stock")
    @PreAuthorize("hasAuthority('logistics:read')")
    @Operation(summary = "List stock levels", description = "Per warehouse and product; filter by either.")
    PageResponse<StockLevelResponse> levels(
            @RequestParam(required = false) @Nullable @Size(max = 64) String productId,
            @RequestParam(required = false) @Nullable @Size(max = 36) String warehouseId,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @Parameter(description = "productId, warehouseId, onHand, reserved or updatedAt, optionally ,asc or ,desc")
            @RequestParam(defaultValue = "") String sort) {
        var pageable = Paging.pageable(page, size, sort, Sort.by("productId", "warehouseId"), LEVEL_SORTS);
        return PageResponse.of(stock.levels(productId, warehouseId, pageable), StockLevelResponse::of);
    }

    @GetMapping("/api/v1/stock/movements")
    @PreAuthorize("hasAuthority('logistics:read')")
    @Operation(summary = "Read the stock ledger", description = "Newest first; filter by warehouse, product, type "
            + "or reference (a receipt's reference, an order id for reservations, a shipment id for dispatches).")
    PageResponse<StockMovementResponse> movements(
            @RequestParam(required = false) @Nullable @Size(max = 36) String warehouseId,
            @RequestParam(required = false) @Nullable @Size(max = 64) String productId,
            @RequestParam(required = false) @Nullable MovementType type,
            @RequestParam(required = false) @Nullable @Size(max = 100) String reference,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @Parameter(description = "occurredAt, productId or type, optionally ,asc or ,desc")
            @RequestParam(defaultValue = "") String sort) {
        var pageable = Paging.pageable(page, size, sort, Sort.by("occurredAt").descending().and(Sort.by("id")),
                MOVEMENT_SORTS);
        return PageResponse.of(stock.movements(new StockService.MovementFilter(warehouseId, productId, type,
                reference), pageable), StockMovementResponse::of);
    }
}

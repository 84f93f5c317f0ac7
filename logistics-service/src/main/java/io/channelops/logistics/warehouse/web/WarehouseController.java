package io.channelops.logistics.warehouse.web;

import io.channelops.logistics.warehouse.Warehouse;
import io.channelops.logistics.warehouse.WarehouseService;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/warehouses}: open, read and list warehouses. Warehouses are company-wide reference data: not scoped
 * by org, only by permission ({@code logistics:read} to read, {@code logistics:write} to open one).
 */
@RestController
@RequestMapping("/api/v1/warehouses")
@Tag(name = "Warehouses", description = "Central and remote-office warehouses")
class WarehouseController {

    private static final Set<String> SORTS = Set.of("code", "name", "regionCode", "createdAt");

    private final WarehouseService warehouses;

    WarehouseController(WarehouseService warehouses) {
        this.warehouses = warehouses;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('logistics:write')")
    @Operation(summary = "Open a warehouse", description = "Send an Idempotency-Key to make retries safe.")
    ResponseEntity<WarehouseResponse> open(@Valid @RequestBody WarehouseRequest request,
            @Parameter(description = "Makes a retried create return the first result")
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        Warehouse warehouse = warehouses.open(request.toOpening());
        return ResponseEntity.created(URI.create("/api/v1/warehouses/" + warehouse.id()))
                .eTag(ETags.of(warehouse.version()))
                .body(WarehouseResponse.of(warehouse));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('logistics:read')")
    @Operation(summary = "Read a warehouse")
    ResponseEntity<WarehouseResponse> get(@PathVariable String id) {
        Warehouse warehouse = warehouses.get(id);
        return ResponseEntity.ok().eTag(ETags.of(warehouse.version())).body(WarehouseResponse.of(warehouse));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('logistics:read')")
    @Operation(summary = "List warehouses", description = "Optionally only those of one region.")
    PageResponse<WarehouseResponse> search(
            @RequestParam(required = false) @Nullable @Size(max = 32) String regionCode,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @Parameter(description = "code, name, regionCode or createdAt, optionally ,asc or ,desc")
            @RequestParam(defaultValue = "") String sort) {
        var pageable = Paging.pageable(page, size, sort, Sort.by("code").and(Sort.by("id")), SORTS);
        return PageResponse.of(warehouses.search(regionCode, pageable), WarehouseResponse::of);
    }
}

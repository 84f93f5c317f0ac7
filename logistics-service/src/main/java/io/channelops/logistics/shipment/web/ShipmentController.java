package io.channelops.logistics.shipment.web;

import io.channelops.logistics.shipment.Shipment;
import io.channelops.logistics.shipment.ShipmentService;
import io.channelops.logistics.shipment.ShipmentStatus;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/shipments}: read, list and dispatch shipments. Reads need {@code logistics:read}, dispatching
 * {@code logistics:write}; both only reach shipments in the caller's data scope (a rep: shipments of their own
 * orders; a manager: their subtree; logistics, directors, auditors: all), others answer 404 or are left out of lists.
 */
@RestController
@RequestMapping("/api/v1/shipments")
@Tag(name = "Shipments", description = "What leaves a warehouse for an order")
class ShipmentController {

    private static final Set<String> SORTS = Set.of("createdAt", "dispatchedAt", "status");

    private final ShipmentService shipments;

    ShipmentController(ShipmentService shipments) {
        this.shipments = shipments;
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('logistics:read')")
    @Operation(summary = "Read a shipment")
    ResponseEntity<ShipmentResponse> get(@PathVariable String id) {
        Shipment shipment = shipments.get(id);
        return ResponseEntity.ok().eTag(ETags.of(shipment.version())).body(ShipmentResponse.of(shipment));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('logistics:read')")
    @Operation(summary = "List shipments", description = "Those in the caller's data scope; filter by order, status "
            + "and warehouse.")
    PageResponse<ShipmentResponse> search(@RequestParam(required = false) @Nullable @Size(max = 64) String orderId,
            @RequestParam(required = false) @Nullable ShipmentStatus status,
            @RequestParam(required = false) @Nullable @Size(max = 36) String warehouseId,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @Parameter(description = "createdAt, dispatchedAt or status, optionally ,asc or ,desc")
            @RequestParam(defaultValue = "") String sort) {
        var pageable = Paging.pageable(page, size, sort, Sort.by("createdAt").descending().and(Sort.by("id")),
                SORTS);
        return PageResponse.of(shipments.search(new ShipmentService.Filter(orderId, status, warehouseId), pageable),
                ShipmentResponse::of);
    }

    @PostMapping("/{id}/dispatch")
    @PreAuthorize("hasAuthority('logistics:write')")
    @Operation(summary = "Dispatch a shipment",
            description = "READY → DISPATCHED: the goods leave the warehouse (on hand and reserved drop) and "
                    + "ShipmentDispatched is published on logistics.shipments. 409 in any other state.")
    ResponseEntity<ShipmentResponse> dispatch(@PathVariable String id) {
        Shipment shipment = shipments.dispatch(id);
        return ResponseEntity.ok().eTag(ETags.of(shipment.version())).body(ShipmentResponse.of(shipment));
    }
}

package io.channelops.logistics.shipment;

import io.channelops.logistics.stock.StockService;
import io.channelops.platform.observability.AfterCommit;
import io.channelops.platform.security.DataScope;
import io.channelops.platform.security.Ownership;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of shipments; each one transaction. What a caller reads, lists or dispatches is limited to their data
 * scope over the shipment's ownership (the order's rep and org path): out of scope answers 404.
 */
@Service
public class ShipmentService {

    private final Shipments shipments;
    private final StockService stock;
    private final DataScope scope;
    private final Clock clock;
    private final Counter dispatched;

    public ShipmentService(Shipments shipments, StockService stock, DataScope scope, Clock clock,
            MeterRegistry meters) {
        this.shipments = shipments;
        this.stock = stock;
        this.scope = scope;
        this.clock = clock;
        this.dispatched = Counter.builder("channelops.shipments.dispatched")
                .description("Shipments dispatched from a warehouse").register(meters);
    }

    /** A shipment to prepare for stock already reserved in its warehouse, owned like its order. */
    public record Preparation(String orderId, String customerId, String warehouseId, String currency,
            List<ShipmentLine> lines, Ownership ownership) {
    }

    /** Filters of the shipment list; null means any. */
    public record Filter(@Nullable String orderId, @Nullable ShipmentStatus status, @Nullable String warehouseId) {
    }

    /** Creates a READY shipment; only inside the transaction that reserved its stock. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Shipment prepare(Preparation preparation) {
        return shipments.save(Shipment.ready(preparation.orderId(), preparation.customerId(),
                preparation.warehouseId(), preparation.currency(), preparation.lines(), preparation.ownership(),
                Instant.now(clock)));
    }

    /** A shipment in the caller's data scope; 404 when unknown or out of scope. */
    @Transactional(readOnly = true)
    public Shipment get(String id) {
        return scope.visible(shipments.findById(id), Shipment::ownership, "shipment", id);
    }

    /**
     * The goods leave the warehouse: the shipment becomes DISPATCHED, its quantities leave both
     * on-hand and reserved stock, and {@code ShipmentDispatched} is published; all or nothing.
     * Only a shipment in the caller's data scope (404 otherwise, checked before its state).
     */
    @Transactional
    public Shipment dispatch(String id) {
        Shipment shipment = scope.visible(shipments.lock(id), Shipment::ownership, "shipment", id);
        shipment.dispatch(Instant.now(clock));
        stock.dispatch(shipment.lines().stream()
                .map(l -> new StockService.Move(shipment.warehouseId(), l.productId(), l.quantity())).toList(),
                shipment.id());
        Shipment saved = shipments.saveAndFlush(shipment);
        AfterCommit.increment(dispatched);
        return saved;
    }

    /** The shipments in the caller's data scope that match the filter. */
    @Transactional(readOnly = true)
    public Page<Shipment> search(Filter filter, Pageable pageable) {
        Specification<Shipment> spec = scope.specification();
        if (filter.orderId() != null && !filter.orderId().isBlank()) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("orderId"), filter.orderId().strip()));
        }
        if (filter.status() != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("status"), filter.status()));
        }
        if (filter.warehouseId() != null && !filter.warehouseId().isBlank()) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("warehouseId"), filter.warehouseId().strip()));
        }
        return shipments.findAll(spec, pageable);
    }
}

package io.channelops.logistics.shipment;

import io.channelops.logistics.stock.StockService;
import io.channelops.platform.web.ApiProblem;
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

/** Use cases of shipments; each one transaction. */
@Service
public class ShipmentService {

    private final Shipments shipments;
    private final StockService stock;
    private final Clock clock;

    public ShipmentService(Shipments shipments, StockService stock, Clock clock) {
        this.shipments = shipments;
        this.stock = stock;
        this.clock = clock;
    }

    /** A shipment to prepare for stock already reserved in its warehouse. */
    public record Preparation(String orderId, String customerId, String warehouseId, String currency,
            List<ShipmentLine> lines) {
    }

    /** Filters of the shipment list; null means any. */
    public record Filter(@Nullable String orderId, @Nullable ShipmentStatus status, @Nullable String warehouseId) {
    }

    /** Creates a READY shipment; only inside the transaction that reserved its stock. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Shipment prepare(Preparation preparation) {
        return shipments.save(Shipment.ready(preparation.orderId(), preparation.customerId(),
                preparation.warehouseId(), preparation.currency(), preparation.lines(), Instant.now(clock)));
    }

    @Transactional(readOnly = true)
    public Shipment get(String id) {
        return shipments.findById(id).orElseThrow(() -> ApiProblem.notFound("shipment", id));
    }

    /**
     * The goods leave the warehouse: the shipment becomes DISPATCHED, its quantities leave both
     * on-hand and reserved stock, and {@code ShipmentDispatched} is published; all or nothing.
     */
    @Transactional
    public Shipment dispatch(String id) {
        Shipment shipment = shipments.lock(id).orElseThrow(() -> ApiProblem.notFound("shipment", id));
        shipment.dispatch(Instant.now(clock));
        stock.dispatch(shipment.lines().stream()
                .map(l -> new StockService.Move(shipment.warehouseId(), l.productId(), l.quantity())).toList(),
                shipment.id());
        return shipments.saveAndFlush(shipment);
    }

    @Transactional(readOnly = true)
    public Page<Shipment> search(Filter filter, Pageable pageable) {
        Specification<Shipment> spec = Specification.unrestricted();
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

package io.channelops.logistics.shipment;

import io.channelops.events.logistics.ShipmentDispatched;
import io.channelops.platform.security.Ownership;
import io.channelops.platform.web.ApiProblem;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.OptimisticLock;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * What leaves one warehouse for one order: the reserved quantities, priced at the order's unit
 * prices so finance can invoice what was shipped. Raises {@link ShipmentDispatched} on dispatch.
 *
 * <p>Belongs to the order's owner: the sales rep and org path of its {@code OrderApproved}, never the
 * logistics clerk who dispatches it. Reads and dispatches are limited to the caller's data scope.
 */
@Entity
@Table(name = "shipments")
public class Shipment extends AbstractAggregateRoot<Shipment> {

    @Id
    private String id;

    @Column(name = "order_id", nullable = false, updatable = false)
    private String orderId;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private String customerId;

    @Column(name = "warehouse_id", nullable = false, updatable = false)
    private String warehouseId;

    @Column(nullable = false, updatable = false, columnDefinition = "CHAR(3)")
    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ShipmentStatus status;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "shipment_lines", joinColumns = @JoinColumn(name = "shipment_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 100)
    @OptimisticLock(excluded = true) // set once at creation; Hibernate would otherwise bump the version on insert
    private List<ShipmentLine> lines = new ArrayList<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "dispatched_at")
    private @Nullable Instant dispatchedAt;

    @Embedded
    private Ownership ownership;

    /** Null until first saved, so Spring Data persists a new aggregate instead of merging it. */
    @Version
    private @Nullable Long version;

    protected Shipment() {
        // for JPA
        this.id = "";
        this.orderId = "";
        this.customerId = "";
        this.warehouseId = "";
        this.currency = "";
        this.status = ShipmentStatus.READY;
        this.createdAt = Instant.EPOCH;
        this.ownership = new Ownership("unset", "");
    }

    private Shipment(String orderId, String customerId, String warehouseId, String currency,
            List<ShipmentLine> lines, Ownership ownership, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.orderId = orderId;
        this.customerId = customerId;
        this.warehouseId = warehouseId;
        this.currency = currency;
        this.status = ShipmentStatus.READY;
        this.lines = new ArrayList<>(lines);
        this.ownership = ownership;
        this.createdAt = now;
    }

    /** A shipment whose stock is reserved, ready to be dispatched; owned like the order it ships. */
    static Shipment ready(String orderId, String customerId, String warehouseId, String currency,
            List<ShipmentLine> lines, Ownership ownership, Instant now) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("A shipment has at least one line");
        }
        return new Shipment(orderId, customerId, warehouseId, currency, lines, ownership, now);
    }

    /** READY → DISPATCHED; any other state answers 409. */
    void dispatch(Instant now) {
        if (status != ShipmentStatus.READY) {
            throw ApiProblem.illegalTransition("shipment", id, status, "dispatch");
        }
        status = ShipmentStatus.DISPATCHED;
        dispatchedAt = now;
        registerEvent(new ShipmentDispatched(id, orderId, customerId, warehouseId,
                lines.stream().map(l -> new ShipmentDispatched.Line(l.productId(), l.quantity(), l.unitPrice()))
                        .toList(),
                currency, now, ownership.ownerId(), ownership.orgPath()));
    }

    /** Quantity times unit price over all lines. */
    public BigDecimal total() {
        return lines.stream().map(l -> l.unitPrice().multiply(BigDecimal.valueOf(l.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The events registered and not yet published; for tests of the aggregate's rules. */
    List<Object> pendingEvents() {
        return List.copyOf(domainEvents());
    }

    public String id() {
        return id;
    }

    public String orderId() {
        return orderId;
    }

    public String customerId() {
        return customerId;
    }

    public String warehouseId() {
        return warehouseId;
    }

    public String currency() {
        return currency;
    }

    public ShipmentStatus status() {
        return status;
    }

    public List<ShipmentLine> lines() {
        return List.copyOf(lines);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public @Nullable Instant dispatchedAt() {
        return dispatchedAt;
    }

    /** The order's sales rep and org path. */
    public Ownership ownership() {
        return ownership;
    }

    public long version() {
        return version == null ? 0 : version;
    }
}

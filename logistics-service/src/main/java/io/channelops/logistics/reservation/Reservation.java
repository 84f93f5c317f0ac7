package io.channelops.logistics.reservation;

import io.channelops.events.logistics.ReservedLine;
import io.channelops.events.logistics.StockReserved;
import io.channelops.events.logistics.StockShortage;
import io.channelops.platform.security.Ownership;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.OptimisticLock;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * The stock set aside for one approved order: one per order (its order id is unique), so a
 * redelivered {@code OrderApproved} never reserves twice. Raises {@link StockReserved} or
 * {@link StockShortage}. Belongs to the order's owner (its sales rep and org path, from {@code OrderApproved}).
 */
@Entity
@Table(name = "reservations")
public class Reservation extends AbstractAggregateRoot<Reservation> {

    /** The warehouse id of a {@link StockShortage} line: the product is missing across all warehouses. */
    public static final String ANY_WAREHOUSE = "";

    @Id
    private String id;

    @Column(name = "order_id", nullable = false, unique = true, updatable = false)
    private String orderId;

    @Column(name = "order_number", nullable = false, updatable = false)
    private String orderNumber;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private String customerId;

    @Column(nullable = false, updatable = false, columnDefinition = "CHAR(3)")
    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReservationStatus status;

    @ElementCollection
    @CollectionTable(name = "reservation_lines", joinColumns = @JoinColumn(name = "reservation_id"))
    @OrderColumn(name = "position")
    @OptimisticLock(excluded = true)
    private List<ReservationLine> lines = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "reservation_allocations", joinColumns = @JoinColumn(name = "reservation_id"))
    @OrderColumn(name = "position")
    @OptimisticLock(excluded = true)
    private List<ReservationAllocation> allocations = new ArrayList<>();

    @Embedded
    private Ownership ownership;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Null until first saved, so Spring Data persists a new aggregate instead of merging it. */
    @Version
    private @Nullable Long version;

    protected Reservation() {
        // for JPA
        this.id = "";
        this.orderId = "";
        this.orderNumber = "";
        this.customerId = "";
        this.currency = "";
        this.status = ReservationStatus.BACKORDERED;
        this.ownership = new Ownership("unset", "");
        this.createdAt = Instant.EPOCH;
        this.updatedAt = Instant.EPOCH;
    }

    private Reservation(Order order, ReservationStatus status, List<ReservationAllocation> allocations,
            Instant now) {
        this.id = UUID.randomUUID().toString();
        this.orderId = order.orderId();
        this.orderNumber = order.orderNumber();
        this.customerId = order.customerId();
        this.currency = order.currency();
        this.status = status;
        this.lines = new ArrayList<>(order.lines());
        this.allocations = new ArrayList<>(allocations);
        this.ownership = order.ownership();
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** The approved order as far as a reservation needs it; {@code ownership} is the order's rep and org path. */
    public record Order(String orderId, String orderNumber, String customerId, String currency,
            List<ReservationLine> lines, Ownership ownership) {
    }

    /** Every line reserved; publishes {@link StockReserved} with the quantities per warehouse and product. */
    static Reservation reserved(Order order, List<ReservationAllocation> allocations, Instant now) {
        if (allocations.isEmpty()) {
            throw new IllegalArgumentException("A reservation reserves something");
        }
        Reservation reservation = new Reservation(order, ReservationStatus.RESERVED, allocations, now);
        Map<String, ReservedLine> perWarehouse = new LinkedHashMap<>();
        for (ReservationAllocation a : allocations) {
            perWarehouse.merge(a.warehouseId() + '\u0000' + a.productId(),
                    new ReservedLine(a.productId(), a.warehouseId(), a.quantity()),
                    (x, y) -> new ReservedLine(x.productId(), x.warehouseId(), x.quantity() + y.quantity()));
        }
        List<ReservedLine> lines = perWarehouse.values().stream()
                .sorted(Comparator.comparing(ReservedLine::warehouseId).thenComparing(ReservedLine::productId))
                .toList();
        reservation.registerEvent(new StockReserved(order.orderId(), lines, now));
        return reservation;
    }

    /** Not enough stock: nothing reserved; publishes {@link StockShortage} with the missing quantities. */
    static Reservation backordered(Order order, List<Allocation.Missing> missing, Instant now) {
        if (missing.isEmpty()) {
            throw new IllegalArgumentException("A backorder misses something");
        }
        Reservation reservation = new Reservation(order, ReservationStatus.BACKORDERED, List.of(), now);
        reservation.registerEvent(new StockShortage(order.orderId(),
                missing.stream().map(m -> new ReservedLine(m.productId(), ANY_WAREHOUSE, m.quantity())).toList(),
                now));
        return reservation;
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

    public String orderNumber() {
        return orderNumber;
    }

    public String customerId() {
        return customerId;
    }

    public String currency() {
        return currency;
    }

    public ReservationStatus status() {
        return status;
    }

    public List<ReservationLine> lines() {
        return List.copyOf(lines);
    }

    public List<ReservationAllocation> allocations() {
        return List.copyOf(allocations);
    }

    /** The order's sales rep and org path. */
    public Ownership ownership() {
        return ownership;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version == null ? 0 : version;
    }
}

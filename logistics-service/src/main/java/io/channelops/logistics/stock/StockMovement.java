package io.channelops.logistics.stock;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Persistable;

/**
 * One entry of the stock ledger: a change of one stock level and the level after it. Never changed.
 * Company-wide reference data, like the levels: no owner, not scoped by org; only permissions guard it.
 */
@Entity
@Table(name = "stock_movements")
public class StockMovement implements Persistable<String> {

    @Id
    private String id;

    @Column(name = "warehouse_id", nullable = false, updatable = false)
    private String warehouseId;

    @Column(name = "product_id", nullable = false, updatable = false)
    private String productId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private MovementType type;

    @Column(nullable = false, updatable = false)
    private long quantity;

    @Column(name = "on_hand_change", nullable = false, updatable = false)
    private long onHandChange;

    @Column(name = "reserved_change", nullable = false, updatable = false)
    private long reservedChange;

    @Column(name = "on_hand_after", nullable = false, updatable = false)
    private long onHandAfter;

    @Column(name = "reserved_after", nullable = false, updatable = false)
    private long reservedAfter;

    @Column(updatable = false)
    private @Nullable String reference;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    /** Entries are only ever inserted: saving a new one persists it without looking it up first. */
    @Transient
    private boolean stored;

    protected StockMovement() {
        // for JPA
        this.id = "";
        this.warehouseId = "";
        this.productId = "";
        this.type = MovementType.RECEIPT;
        this.occurredAt = Instant.EPOCH;
    }

    private StockMovement(StockLevel level, MovementType type, long quantity, long onHandChange,
            long reservedChange, @Nullable String reference, Instant occurredAt) {
        this.id = UUID.randomUUID().toString();
        this.warehouseId = level.warehouseId();
        this.productId = level.productId();
        this.type = type;
        this.quantity = quantity;
        this.onHandChange = onHandChange;
        this.reservedChange = reservedChange;
        this.onHandAfter = level.onHand();
        this.reservedAfter = level.reserved();
        this.reference = reference;
        this.occurredAt = occurredAt;
    }

    static StockMovement record(StockLevel level, MovementType type, long quantity, long onHandChange,
            long reservedChange, @Nullable String reference, Instant occurredAt) {
        return new StockMovement(level, type, quantity, onHandChange, reservedChange, reference, occurredAt);
    }

    public String id() {
        return id;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return !stored;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        stored = true;
    }

    public String warehouseId() {
        return warehouseId;
    }

    public String productId() {
        return productId;
    }

    public MovementType type() {
        return type;
    }

    public long quantity() {
        return quantity;
    }

    public long onHandChange() {
        return onHandChange;
    }

    public long reservedChange() {
        return reservedChange;
    }

    public long onHandAfter() {
        return onHandAfter;
    }

    public long reservedAfter() {
        return reservedAfter;
    }

    public @Nullable String reference() {
        return reference;
    }

    public Instant occurredAt() {
        return occurredAt;
    }
}

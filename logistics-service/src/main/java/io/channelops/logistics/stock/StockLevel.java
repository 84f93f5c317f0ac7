package io.channelops.logistics.stock;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * How much of one product one warehouse holds ({@code onHand}) and how much of that is promised
 * to orders ({@code reserved}). Every change returns the ledger entry that records it. Changes
 * are made under a row lock (and {@code @Version} as a second guard), so concurrent moves never
 * lose an update; the table's check constraints keep {@code 0 <= reserved <= onHand}.
 * Company-wide reference data: no owner, not scoped by org; only permissions guard it.
 */
@Entity
@Table(name = "stock_levels")
public class StockLevel {

    /** Most one receipt may bring in. */
    public static final long MAX_RECEIPT = 1_000_000;

    @Id
    private String id;

    @Column(name = "warehouse_id", nullable = false, updatable = false)
    private String warehouseId;

    @Column(name = "product_id", nullable = false, updatable = false)
    private String productId;

    @Column(name = "on_hand", nullable = false)
    private long onHand;

    @Column(nullable = false)
    private long reserved;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected StockLevel() {
        // for JPA
        this.id = "";
        this.warehouseId = "";
        this.productId = "";
        this.updatedAt = Instant.EPOCH;
    }

    private StockLevel(String warehouseId, String productId, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.warehouseId = warehouseId;
        this.productId = productId;
        this.updatedAt = now;
    }

    /** A level with nothing on hand; in the database it is created by {@link StockLevels#insertEmpty}. */
    static StockLevel empty(String warehouseId, String productId, Instant now) {
        return new StockLevel(warehouseId, productId, now);
    }

    StockMovement receive(long quantity, @Nullable String reference, Instant now) {
        if (quantity < 1 || quantity > MAX_RECEIPT) {
            throw new IllegalArgumentException("A receipt brings 1 to " + MAX_RECEIPT + " units, not " + quantity);
        }
        onHand = Math.addExact(onHand, quantity);
        return moved(MovementType.RECEIPT, quantity, quantity, 0, reference, now);
    }

    StockMovement reserve(long quantity, String reference, Instant now) {
        requirePositive(quantity);
        if (quantity > available()) {
            throw new InsufficientStock("Cannot reserve " + quantity + " of " + productId + " in " + warehouseId
                    + ": only " + available() + " available");
        }
        reserved += quantity;
        return moved(MovementType.RESERVATION, quantity, 0, quantity, reference, now);
    }

    StockMovement dispatch(long quantity, String reference, Instant now) {
        requirePositive(quantity);
        if (quantity > reserved) {
            throw new InsufficientStock("Cannot dispatch " + quantity + " of " + productId + " from " + warehouseId
                    + ": only " + reserved + " reserved");
        }
        reserved -= quantity;
        onHand -= quantity;
        return moved(MovementType.DISPATCH, quantity, -quantity, -quantity, reference, now);
    }

    private StockMovement moved(MovementType type, long quantity, long onHandChange, long reservedChange,
            @Nullable String reference, Instant now) {
        updatedAt = now;
        return StockMovement.record(this, type, quantity, onHandChange, reservedChange, reference, now);
    }

    private static void requirePositive(long quantity) {
        if (quantity < 1) {
            throw new IllegalArgumentException("Quantity must be positive: " + quantity);
        }
    }

    public String id() {
        return id;
    }

    public String warehouseId() {
        return warehouseId;
    }

    public String productId() {
        return productId;
    }

    public long onHand() {
        return onHand;
    }

    public long reserved() {
        return reserved;
    }

    /** On hand and not promised to any order. */
    public long available() {
        return onHand - reserved;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}

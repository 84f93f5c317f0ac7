package io.channelops.logistics.stock;

import io.channelops.logistics.warehouse.Warehouse;
import io.channelops.logistics.warehouse.WarehouseService;
import io.channelops.platform.web.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Use cases of the stock ledger. Every change of a level writes a ledger entry in the same
 * transaction. Levels are locked one by one in (product, warehouse) order; see {@link StockLevels}.
 */
@Service
public class StockService {

    private static final Comparator<Move> LOCK_ORDER = Comparator.comparing(Move::productId)
            .thenComparing(Move::warehouseId);

    private final StockLevels levels;
    private final StockMovements ledger;
    private final WarehouseService warehouses;
    private final Clock clock;
    private final TransactionTemplate tx;

    public StockService(StockLevels levels, StockMovements ledger, WarehouseService warehouses, Clock clock,
            PlatformTransactionManager transactions) {
        this.levels = levels;
        this.ledger = ledger;
        this.warehouses = warehouses;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** A quantity of one product in one warehouse. */
    public record Move(String warehouseId, String productId, long quantity) {
    }

    /** A stock level with its warehouse's code. */
    public record Level(StockLevel level, String warehouseCode) {
    }

    /** Filters of the ledger; null means any. */
    public record MovementFilter(@Nullable String warehouseId, @Nullable String productId,
            @Nullable MovementType type, @Nullable String reference) {
    }

    /**
     * Goods came into a warehouse: on hand grows. Two transactions: the first creates the empty
     * level if there is none yet (a concurrent receipt may win that race, which is fine), the
     * second locks the level's row and changes it, so concurrent receipts queue on one row lock
     * instead of deadlocking on a shared insert.
     */
    public StockMovement receive(String warehouseId, String productId, long quantity, @Nullable String reference) {
        warehouses.get(warehouseId);
        if (!levels.existsByWarehouseIdAndProductId(warehouseId, productId)) {
            try {
                tx.executeWithoutResult(status -> levels.insertEmpty(UUID.randomUUID().toString(), warehouseId,
                        productId, Instant.now(clock)));
            }
            catch (DataIntegrityViolationException createdConcurrently) {
                // another receipt created the level first
            }
        }
        return Objects.requireNonNull(tx.execute(status -> {
            StockLevel level = levels.lock(warehouseId, productId).orElseThrow(
                    () -> new IllegalStateException("Stock level vanished: " + warehouseId + "/" + productId));
            return ledger.save(level.receive(quantity, reference, Instant.now(clock)));
        }));
    }

    @Transactional(readOnly = true)
    public StockMovement receipt(String warehouseId, String receiptId) {
        return ledger.findById(receiptId)
                .filter(m -> m.type() == MovementType.RECEIPT && m.warehouseId().equals(warehouseId))
                .orElseThrow(() -> ApiProblem.notFound("receipt", receiptId));
    }

    /**
     * Locks and returns every level of these products, in lock order. Only within the caller's
     * transaction: the locks are what make a decision on the returned availability safe.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<StockLevel> lockLevelsOf(Collection<String> productIds) {
        if (productIds.isEmpty()) {
            return List.of();
        }
        List<StockLevel> locked = new ArrayList<>();
        for (StockLevels.Key key : levels.keysOf(productIds)) {
            levels.lock(key.getWarehouseId(), key.getProductId()).ifPresent(locked::add);
        }
        return locked;
    }

    /** Sets stock aside for an order; fails (and so rolls the caller back) if any move exceeds what is available. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void reserve(List<Move> moves, String reference) {
        Instant now = Instant.now(clock);
        for (Move move : inLockOrder(moves)) {
            ledger.save(lockedLevel(move).reserve(move.quantity(), reference, now));
        }
    }

    /** Reserved goods leave the warehouse: on hand and reserved both drop. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void dispatch(List<Move> moves, String reference) {
        Instant now = Instant.now(clock);
        for (Move move : inLockOrder(moves)) {
            ledger.save(lockedLevel(move).dispatch(move.quantity(), reference, now));
        }
    }

    @Transactional(readOnly = true)
    public Page<Level> levels(@Nullable String productId, @Nullable String warehouseId, Pageable pageable) {
        Specification<StockLevel> spec = Specification.unrestricted();
        if (productId != null && !productId.isBlank()) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("productId"), productId.strip()));
        }
        if (warehouseId != null && !warehouseId.isBlank()) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("warehouseId"), warehouseId.strip()));
        }
        Page<StockLevel> page = levels.findAll(spec, pageable);
        Map<String, Warehouse> byId = warehouses.byIds(page.getContent().stream().map(StockLevel::warehouseId)
                .distinct().toList());
        return page.map(level -> new Level(level, byId.containsKey(level.warehouseId())
                ? byId.get(level.warehouseId()).code() : ""));
    }

    @Transactional(readOnly = true)
    public Page<StockMovement> movements(MovementFilter filter, Pageable pageable) {
        Specification<StockMovement> spec = Specification.unrestricted();
        if (filter.warehouseId() != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("warehouseId"), filter.warehouseId()));
        }
        if (filter.productId() != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("productId"), filter.productId()));
        }
        if (filter.type() != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("type"), filter.type()));
        }
        if (filter.reference() != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("reference"), filter.reference()));
        }
        return ledger.findAll(spec, pageable);
    }

    private StockLevel lockedLevel(Move move) {
        return levels.lock(move.warehouseId(), move.productId()).orElseThrow(() -> new InsufficientStock(
                "No stock of " + move.productId() + " in warehouse " + move.warehouseId()));
    }

    private static List<Move> inLockOrder(List<Move> moves) {
        return moves.stream().sorted(LOCK_ORDER).toList();
    }
}

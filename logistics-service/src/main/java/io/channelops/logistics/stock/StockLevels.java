package io.channelops.logistics.stock;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * All stock levels. Writers lock the rows they change, one by one, always in the order
 * (product id, warehouse id), so two concurrent moves over the same rows cannot deadlock.
 */
public interface StockLevels extends JpaRepository<StockLevel, String>, JpaSpecificationExecutor<StockLevel> {

    boolean existsByWarehouseIdAndProductId(String warehouseId, String productId);

    /** Inserts the empty level of a warehouse and product; fails with a duplicate key if it exists. */
    @Modifying
    @Query(value = """
            INSERT INTO stock_levels (id, warehouse_id, product_id, on_hand, reserved, updated_at, version)
            VALUES (:id, :warehouseId, :productId, 0, 0, :now, 0)""", nativeQuery = true)
    int insertEmpty(@Param("id") String id, @Param("warehouseId") String warehouseId,
            @Param("productId") String productId, @Param("now") Instant now);

    /**
     * Reads one level and holds its row lock until the transaction ends. Native SQL: the MySQL
     * dialect's {@code FOR UPDATE OF <alias>} is not understood by MariaDB.
     */
    @Query(value = "SELECT * FROM stock_levels WHERE warehouse_id = :warehouseId AND product_id = :productId"
            + " FOR UPDATE", nativeQuery = true)
    Optional<StockLevel> lock(@Param("warehouseId") String warehouseId, @Param("productId") String productId);

    /** Which warehouses hold a level of these products, in lock order. Takes no locks. */
    @Query("""
            select s.warehouseId as warehouseId, s.productId as productId from StockLevel s
             where s.productId in :productIds order by s.productId, s.warehouseId""")
    List<Key> keysOf(@Param("productIds") Collection<String> productIds);

    /** A level's natural key. */
    interface Key {
        String getWarehouseId();

        String getProductId();
    }
}

package io.channelops.finance.receivables;

import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * All invoices. (The row lock is native SQL: Hibernate's MySQL dialect writes {@code FOR UPDATE OF},
 * which MariaDB does not accept.)
 */
public interface Invoices extends JpaRepository<Invoice, String>, JpaSpecificationExecutor<Invoice> {

    boolean existsByShipmentId(String shipmentId);

    boolean existsByNumber(String number);

    /** Reads an invoice and locks its row until the transaction ends, so payments on it queue up. */
    @Query(value = "SELECT * FROM invoices WHERE id = :id FOR UPDATE", nativeQuery = true)
    Optional<Invoice> lockById(@Param("id") String id);

    /** Σ open balance of the customer's open invoices in {@code currency}, but those of {@code excludedOrderId}. */
    @Query(value = """
            SELECT COALESCE(SUM(total - paid_amount), 0) FROM invoices
            WHERE customer_id = :customerId AND currency = :currency AND status = 'OPEN'
              AND order_id <> :excludedOrderId""", nativeQuery = true)
    BigDecimal openBalanceOf(@Param("customerId") String customerId, @Param("currency") String currency,
            @Param("excludedOrderId") String excludedOrderId);
}

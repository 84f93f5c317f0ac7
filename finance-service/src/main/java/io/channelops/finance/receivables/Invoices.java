package io.channelops.finance.receivables;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * All invoices. Lists go through {@link JpaSpecificationExecutor} so the caller's data scope can be
 * ANDed in; the exposure sums are in {@link ExposureQueries}. (The row lock is native SQL:
 * Hibernate's MySQL dialect writes {@code FOR UPDATE OF}, which MariaDB does not accept.)
 */
public interface Invoices extends JpaRepository<Invoice, String>, JpaSpecificationExecutor<Invoice> {

    boolean existsByShipmentId(String shipmentId);

    boolean existsByNumber(String number);

    /** Reads an invoice and locks its row until the transaction ends, so payments on it queue up. */
    @Query(value = "SELECT * FROM invoices WHERE id = :id FOR UPDATE", nativeQuery = true)
    Optional<Invoice> lockById(@Param("id") String id);
}

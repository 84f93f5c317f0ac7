package io.channelops.logistics.shipment;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** All shipments. */
public interface Shipments extends JpaRepository<Shipment, String>, JpaSpecificationExecutor<Shipment> {

    /**
     * Reads a shipment and holds its row lock until the transaction ends, so two dispatches cannot
     * both pass. Native SQL: the MySQL dialect's {@code FOR UPDATE OF <alias>} is not understood by MariaDB.
     */
    @Query(value = "SELECT * FROM shipments WHERE id = :id FOR UPDATE", nativeQuery = true)
    Optional<Shipment> lock(@Param("id") String id);
}

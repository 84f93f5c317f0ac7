package io.channelops.logistics.stock;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** The stock ledger. Entries are only ever added. */
public interface StockMovements extends JpaRepository<StockMovement, String>, JpaSpecificationExecutor<StockMovement> {
}

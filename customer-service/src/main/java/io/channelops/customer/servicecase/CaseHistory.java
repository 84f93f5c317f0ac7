package io.channelops.customer.servicecase;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** The history rows of all cases (written through {@link ServiceCase}; read here). */
public interface CaseHistory extends JpaRepository<CaseHistoryEntry, String> {

    Page<CaseHistoryEntry> findByCaseId(String caseId, Pageable pageable);
}

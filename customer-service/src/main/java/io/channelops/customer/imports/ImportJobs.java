package io.channelops.customer.imports;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** All import jobs. */
public interface ImportJobs extends JpaRepository<ImportJob, String>, JpaSpecificationExecutor<ImportJob> {

    Optional<ImportJob> findByDedupKey(String dedupKey);
}

package io.channelops.sales.opportunity;

import java.sql.Timestamp;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** All opportunities; private to this feature (others go through {@link OpportunityService}). */
interface Opportunities extends JpaRepository<Opportunity, String>, JpaSpecificationExecutor<Opportunity> {

    /**
     * Records an activity's time on the opportunity without touching its version: logging a call must not make the
     * ETag an editor holds stale.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(value = """
            UPDATE opportunities SET last_activity_at = :at, last_movement_at = GREATEST(last_movement_at, :at)
             WHERE id = :id""", nativeQuery = true)
    int recordActivity(@Param("id") String id, @Param("at") Timestamp at);
}

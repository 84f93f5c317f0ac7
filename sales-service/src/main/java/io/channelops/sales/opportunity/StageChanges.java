package io.channelops.sales.opportunity;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The stage history of every opportunity; private to this feature. */
interface StageChanges extends JpaRepository<StageChange, Long> {

    List<StageChange> findByOpportunityIdOrderByIdAsc(String opportunityId);
}

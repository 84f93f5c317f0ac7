package io.channelops.sales.opportunity;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** The activities logged on opportunities; private to this feature. */
interface OpportunityActivities extends JpaRepository<OpportunityActivity, String> {

    Page<OpportunityActivity> findByOpportunityId(String opportunityId, Pageable pageable);
}

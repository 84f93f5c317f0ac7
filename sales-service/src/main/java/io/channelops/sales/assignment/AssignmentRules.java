package io.channelops.sales.assignment;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Every assignment rule; private to this feature. */
interface AssignmentRules extends JpaRepository<AssignmentRule, String> {

    Optional<AssignmentRule> findByRegionCode(String regionCode);

    boolean existsByRegionCode(String regionCode);

    List<AssignmentRule> findAllByOrderByRegionCodeAsc();
}

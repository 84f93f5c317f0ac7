package io.channelops.sales.scoring;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Every scoring rule; private to this feature (others go through {@link ScoringService}). */
interface ScoringRules extends JpaRepository<ScoringRule, String> {

    List<ScoringRule> findByActiveTrueOrderByCreatedAtAscIdAsc();

    List<ScoringRule> findAllByOrderByCreatedAtAscIdAsc();
}

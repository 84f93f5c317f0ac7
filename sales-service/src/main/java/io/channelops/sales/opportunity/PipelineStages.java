package io.channelops.sales.opportunity;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The stages of the pipeline; private to this feature (others go through {@link PipelineConfigService}). */
interface PipelineStages extends JpaRepository<PipelineStage, String> {

    List<PipelineStage> findAllByOrderBySortOrderAscCodeAsc();
}

package io.channelops.sales.opportunity;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The configured loss reasons; private to this feature. */
interface LossReasons extends JpaRepository<LossReason, String> {

    List<LossReason> findAllByOrderBySortOrderAscCodeAsc();
}

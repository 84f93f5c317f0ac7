package io.channelops.platform.it;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** All gadgets. */
public interface GadgetRepository extends JpaRepository<Gadget, String>, JpaSpecificationExecutor<Gadget> {
}


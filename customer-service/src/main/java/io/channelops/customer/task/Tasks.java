package io.channelops.customer.task;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** All tasks. */
public interface Tasks extends JpaRepository<Task, String>, JpaSpecificationExecutor<Task> {

    long countByCustomerIdAndStatus(String customerId, TaskStatus status);

    List<Task> findByCustomerId(String customerId);
}

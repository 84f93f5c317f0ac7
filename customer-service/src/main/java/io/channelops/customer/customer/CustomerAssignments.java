package io.channelops.customer.customer;

import org.springframework.data.jpa.repository.JpaRepository;

/** The reassignment history of all customers. */
public interface CustomerAssignments extends JpaRepository<CustomerAssignment, String> {
}

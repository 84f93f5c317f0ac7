package io.channelops.customer.customer;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** All customers. */
public interface Customers extends JpaRepository<Customer, String>, JpaSpecificationExecutor<Customer> {

    boolean existsByCode(String code);
}

package io.channelops.customer.servicecase;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** All service cases. */
public interface ServiceCases extends JpaRepository<ServiceCase, String>, JpaSpecificationExecutor<ServiceCase> {

    /** Re-points the cases of a merged customer to the surviving one. */
    @Modifying
    @Query("UPDATE ServiceCase c SET c.customerId = :surviving WHERE c.customerId = :merged")
    int moveToCustomer(String merged, String surviving);
}

package io.channelops.customer.contact;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** All contacts of all customers. */
public interface Contacts extends JpaRepository<Contact, String> {

    Optional<Contact> findByIdAndCustomerId(String id, String customerId);

    Page<Contact> findByCustomerId(String customerId, Pageable pageable);

    List<Contact> findByCustomerId(String customerId);

    Optional<Contact> findByCustomerIdAndPrimaryTrue(String customerId);

    @Query("select count(c) from Contact c where c.customerId = :customerId and c.id in :ids")
    long countOfCustomer(@Param("customerId") String customerId, @Param("ids") Collection<String> ids);
}

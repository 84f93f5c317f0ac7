package io.channelops.customer.activity;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** All activities of all customers. */
public interface Activities extends JpaRepository<Activity, String>, JpaSpecificationExecutor<Activity> {

    @Query("""
            select a from Activity a where a.customerId = :customerId and a.occurredAt >= :from and a.occurredAt < :to
            order by a.occurredAt desc, a.id desc""")
    List<Activity> findWindow(@Param("customerId") String customerId, @Param("from") Instant from,
            @Param("to") Instant to, Pageable limit);

    List<Activity> findByCustomerId(String customerId);
}

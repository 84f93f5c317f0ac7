package io.channelops.sales.lead;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** All leads; private to this feature. */
interface Leads extends JpaRepository<Lead, String>, JpaSpecificationExecutor<Lead> {

    /**
     * The lead, its row locked until the transaction ends (signals, claims, conversion). A native query: the
     * dialect's {@code FOR UPDATE OF} is MySQL-only, plain {@code FOR UPDATE} works on MySQL and MariaDB.
     */
    @Query(value = "SELECT * FROM leads WHERE id = :id FOR UPDATE", nativeQuery = true)
    Optional<Lead> findLocked(@Param("id") String id);

    /** Open leads sharing the normalized e-mail, phone or company name, oldest first. */
    @Query("""
            select l from Lead l where l.status in :open
               and (l.companyKey = :company or (:email is not null and l.emailKey = :email)
                    or (:phone is not null and l.phoneKey = :phone))
             order by l.createdAt, l.id""")
    List<Lead> findOpenDuplicates(@Param("open") Collection<LeadStatus> open, @Param("company") String company,
            @Param("email") @Nullable String email, @Param("phone") @Nullable String phone);
}

package io.channelops.sales.pricelist;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** All price lists; private to this feature. */
interface PriceLists extends JpaRepository<PriceList, String>, JpaSpecificationExecutor<PriceList> {

    /** The list, locked for the rest of the transaction (its status changes). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from PriceList p where p.id = :id")
    Optional<PriceList> lockById(@Param("id") String id);

    /** The ACTIVE lists of exactly this scope, other than {@code id}, locked. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("""
            select p from PriceList p
            where p.scopeKey = :scopeKey and p.status = io.channelops.sales.pricelist.PriceListStatus.ACTIVE
              and p.id <> :id
            order by p.validFrom, p.id""")
    List<PriceList> activeOfScope(@Param("scopeKey") String scopeKey, @Param("id") String id);

    /** Whether a list is scoped to the category or has a line for it. */
    @Query("""
            select count(p) > 0 from PriceList p
            where p.categoryId = :categoryId
               or exists (select l from PriceListLine l where l.priceList = p and l.categoryId = :categoryId)""")
    boolean refersToCategory(@Param("categoryId") String categoryId);
}

package io.channelops.sales.pricelist;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * All price lists; private to this feature. Row locks are taken with plain SQL in {@link PriceListService}
 * ({@code SELECT ... FOR UPDATE}): the dialect's JPA lock clause ({@code FOR UPDATE OF}) is MySQL-only.
 */
interface PriceLists extends JpaRepository<PriceList, String>, JpaSpecificationExecutor<PriceList> {

    /** Whether a list is scoped to the category or has a line for it. */
    @Query("""
            select count(p) > 0 from PriceList p
            where p.categoryId = :categoryId
               or exists (select l from PriceListLine l where l.priceList = p and l.categoryId = :categoryId)""")
    boolean refersToCategory(@Param("categoryId") String categoryId);
}

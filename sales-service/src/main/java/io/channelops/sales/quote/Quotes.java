package io.channelops.sales.quote;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * Every version of every quote. Queries for a caller go through {@link QuoteService}, which adds the caller's data
 * scope; {@code findById} is followed by a scope check.
 */
public interface Quotes extends JpaRepository<Quote, String>, JpaSpecificationExecutor<Quote> {

    /** The versions of one quote number, oldest first. */
    List<Quote> findByNumberOrderByQuoteVersionAsc(String number);

    /** Expires every approved or sent quote whose validity ended before {@code today}; returns how many. */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("""
            update Quote q set q.status = io.channelops.sales.quote.QuoteStatus.EXPIRED, q.expiredAt = :now,
                   q.updatedAt = :now, q.version = q.version + 1
            where q.status in (io.channelops.sales.quote.QuoteStatus.APPROVED, io.channelops.sales.quote.QuoteStatus.SENT)
              and q.validUntil < :today""")
    int expireDue(@Param("today") LocalDate today, @Param("now") Instant now);
}

package io.channelops.order.order;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/**
 * All orders. Queries made for a caller go through {@link OrderService}, which ANDs the caller's
 * data scope into every specification; {@code findById} is for work without a caller (listeners,
 * the credit re-check) or followed by a scope check.
 */
public interface Orders extends JpaRepository<Order, String>, JpaSpecificationExecutor<Order> {

    boolean existsByNumber(String number);

    /** The order created from a quote, if any (at most one: {@code uk_orders_quote}). */
    Optional<Order> findByQuoteId(String quoteId);
}

package io.channelops.kpi.fact;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * All order facts, keyed by order id, each with the ownership its event carried. Insert-only: the first approval
 * recorded for an order stands.
 */
@Repository
public class OrderFacts {

    private final JdbcTemplate jdbc;

    OrderFacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the order already has a fact (nothing is changed then) */
    boolean add(OrderFact fact, Instant now) {
        try {
            jdbc.update("""
                    INSERT INTO order_facts (order_id, customer_id, sales_rep_id, total, currency, approved_at,
                                             recorded_at, owner_id, org_path)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    fact.orderId(), fact.customerId(), fact.salesRepId(), fact.total(), fact.currency(),
                    Timestamp.from(fact.approvedAt()), Timestamp.from(now), fact.ownership().ownerId(),
                    fact.ownership().orgPath());
            return true;
        }
        catch (DuplicateKeyException duplicate) {
            return false;
        }
    }
}

package io.channelops.kpi.fact;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** All payment facts, keyed by payment id, each with the ownership its event carried. Insert-only. */
@Repository
public class PaymentFacts {

    private final JdbcTemplate jdbc;

    PaymentFacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the payment already has a fact (nothing is changed then) */
    boolean add(PaymentFact fact, Instant now) {
        try {
            jdbc.update("""
                    INSERT INTO payment_facts (payment_id, order_id, customer_id, amount, currency, posted_at,
                                               recorded_at, owner_id, org_path)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    fact.paymentId(), fact.orderId(), fact.customerId(), fact.amount(), fact.currency(),
                    Timestamp.from(fact.postedAt()), Timestamp.from(now), fact.ownership().ownerId(),
                    fact.ownership().orgPath());
            return true;
        }
        catch (DuplicateKeyException duplicate) {
            return false;
        }
    }
}

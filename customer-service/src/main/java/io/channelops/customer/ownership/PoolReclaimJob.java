package io.channelops.customer.ownership;

import io.channelops.customer.customer.Customer;
import io.channelops.customer.customer.Customers;
import io.channelops.platform.observability.AfterCommit;
import io.channelops.platform.security.Ownership;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Returns untouched prospects to the open pool of their org unit, every
 * {@code channelops.customer.pool.reclaim-interval}. A customer is due when its status is {@code PROSPECT}, it is not in the pool already, and its last touch — the
 * latest of {@code last_activity_at}, {@code last_order_at}, its last ownership change (assignment, claim, pool
 * return) and {@code created_at} — is older than {@code reclaim-after-days}. It then belongs to the reserved owner
 * {@value Customer#OPEN_POOL} at the same org path, gets a history row ({@link AssignmentKind#RETURNED_TO_POOL},
 * reason "no activity for N days") and raises {@code CustomerReassigned} with {@code toOpenPool = true}.
 *
 * <p>Safe with several replicas: each customer is taken in its own short transaction with
 * {@code SELECT ... FOR UPDATE SKIP LOCKED}, which re-checks the rule on the latest committed row, so a customer
 * another replica is returning is skipped and one it has returned no longer matches. A run returns at most
 * {@code reclaim-batch-size} customers; the rest wait for the next run. Counted in
 * {@code channelops.customers.pool.returned}.
 *
 * <p>No user started this work: it sees every customer (no data scope) and records {@value #SYSTEM} as the actor.
 */
@Component
public class PoolReclaimJob {

    /** The actor of pool returns in the history and the event. */
    public static final String SYSTEM = "system";

    private static final Logger log = LoggerFactory.getLogger(PoolReclaimJob.class);

    private final JdbcTemplate jdbc;
    private final Customers customers;
    private final AssignmentHistory history;
    private final PoolSettings settings;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Counter returned;

    PoolReclaimJob(JdbcTemplate jdbc, Customers customers, AssignmentHistory history, PoolSettings settings,
            PlatformTransactionManager transactions, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.history = history;
        this.settings = settings;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.clock = clock;
        this.returned = Counter.builder("channelops.customers.pool.returned")
                .description("Untouched prospects the reclaim job returned to the open pool").register(meters);
    }

    @Scheduled(initialDelayString = "${channelops.customer.pool.reclaim-interval:1h}",
            fixedDelayString = "${channelops.customer.pool.reclaim-interval:1h}")
    void run() {
        try {
            int count = runOnce();
            if (count > 0) {
                log.info("Returned {} untouched prospects to the open pool", count);
            }
        }
        catch (RuntimeException ex) {
            log.warn("Open pool reclaim run failed; trying again next run", ex);
        }
    }

    /**
     * One run: returns due customers one at a time, at most a batch; returns how many. Several runs at once (on
     * several replicas, or threads) never return one customer twice.
     */
    public int runOnce() {
        int count = 0;
        while (count < settings.reclaimBatchSize()) {
            Boolean done = tx.execute(status -> returnNext());
            if (!Boolean.TRUE.equals(done)) {
                break;
            }
            count++;
        }
        return count;
    }

    /** Returns the next due customer no other run holds, or reports that none is left. */
    private boolean returnNext() {
        Instant now = Instant.now(clock);
        Timestamp cutoff = Timestamp.from(now.minus(Duration.ofDays(settings.reclaimAfterDays())));
        List<String> due = jdbc.queryForList("""
                SELECT c.id FROM customers c
                 WHERE c.status = 'PROSPECT' AND c.owner_id <> ?
                   AND c.created_at < ?
                   AND (c.last_activity_at IS NULL OR c.last_activity_at < ?)
                   AND (c.last_order_at IS NULL OR c.last_order_at < ?)
                   AND NOT EXISTS (SELECT 1 FROM customer_assignments a
                                    WHERE a.customer_id = c.id AND a.assigned_at >= ?)
                 ORDER BY c.created_at, c.id
                 LIMIT 1
                 FOR UPDATE SKIP LOCKED""", String.class, Customer.OPEN_POOL, cutoff, cutoff, cutoff, cutoff);
        if (due.isEmpty()) {
            return false;
        }
        // read after the lock, in READ COMMITTED: the latest committed state of the customer
        Customer customer = customers.findById(due.getFirst()).orElseThrow();
        Ownership from = customer.ownership();
        Ownership pool = new Ownership(Customer.OPEN_POOL, from.orgPath());
        String reason = settings.reclaimReason();
        customer.reassign(pool, reason, SYSTEM, now);
        history.record(customer.id(), AssignmentKind.RETURNED_TO_POOL, from, pool, reason, SYSTEM, now);
        customers.saveAndFlush(customer);
        AfterCommit.increment(returned);
        return true;
    }
}

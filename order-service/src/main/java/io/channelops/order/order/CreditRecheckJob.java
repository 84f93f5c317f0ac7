package io.channelops.order.order;

import io.channelops.order.credit.CreditDecision;
import io.channelops.order.credit.CreditGate;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks the credit of {@code CREDIT_CHECK_PENDING} orders again, every
 * {@code channelops.credit.recheck-interval}, until finance-service decides. Safe with several
 * replicas: each order is claimed on its own in a short transaction
 * ({@code SELECT ... FOR UPDATE SKIP LOCKED}) that moves its {@code credit_recheck_after} a lease
 * ahead, so no other replica takes it meanwhile; finance is called with no transaction open;
 * the decision is applied only if the order did not change in between. An order whose check
 * fails again waits with exponential back-off. The number of waiting orders is the gauge
 * {@code channelops.orders.credit.pending}.
 *
 * <p>No user started this work, so it sees every order (no data scope) and calls finance-service
 * with the service's own client-credentials token (the platform's token relay picks that when there
 * is no caller).
 */
@Component
class CreditRecheckJob {

    private static final Logger log = LoggerFactory.getLogger(CreditRecheckJob.class);

    private final JdbcTemplate jdbc;
    private final OrderService orders;
    private final CreditGate credit;
    private final CreditSettings settings;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final AtomicLong pending = new AtomicLong();

    CreditRecheckJob(JdbcTemplate jdbc, OrderService orders, CreditGate credit, CreditSettings settings,
            PlatformTransactionManager transactions, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.credit = credit;
        this.settings = settings;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        Gauge.builder("channelops.orders.credit.pending", pending, AtomicLong::get)
                .description("Orders waiting for a credit decision because finance-service could not answer")
                .register(meters);
    }

    @Scheduled(initialDelayString = "${channelops.credit.recheck-interval}",
            fixedDelayString = "${channelops.credit.recheck-interval}")
    void run() {
        try {
            recheckDue();
        }
        catch (RuntimeException ex) {
            log.warn("Credit re-check run failed; trying again next run", ex);
        }
        finally {
            refreshGauge();
        }
    }

    /** Re-checks up to a batch of due orders, one claim at a time; returns how many were re-checked. */
    int recheckDue() {
        int checked = 0;
        while (checked < settings.recheckBatchSize()) {
            Optional<String> claimed = claimNext();
            if (claimed.isEmpty()) {
                break;
            }
            checked++;
            Optional<CreditDecision> decision = orders.recheckCredit(claimed.get());
            if (decision.isPresent() && decision.get() instanceof CreditDecision.Unavailable && credit.circuitOpen()) {
                log.info("finance-service's circuit is open; the other pending orders wait for the next run");
                break;
            }
        }
        return checked;
    }

    /** Claims the most overdue pending order for this replica, or none. */
    private Optional<String> claimNext() {
        return Optional.ofNullable(tx.execute(status -> {
            Instant now = Instant.now(clock);
            List<String> due = jdbc.queryForList("""
                    SELECT id FROM orders
                    WHERE status = 'CREDIT_CHECK_PENDING' AND credit_recheck_after <= ?
                    ORDER BY credit_recheck_after, id
                    LIMIT 1
                    FOR UPDATE SKIP LOCKED""", String.class, Timestamp.from(now));
            if (due.isEmpty()) {
                return null;
            }
            jdbc.update("UPDATE orders SET credit_recheck_after = ? WHERE id = ?",
                    Timestamp.from(now.plus(settings.recheckLease())), due.getFirst());
            return due.getFirst();
        }));
    }

    private void refreshGauge() {
        try {
            Long count = jdbc.queryForObject("SELECT COUNT(*) FROM orders WHERE status = 'CREDIT_CHECK_PENDING'",
                    Long.class);
            pending.set(count == null ? 0 : count);
        }
        catch (RuntimeException ex) {
            log.debug("Cannot count pending orders", ex);
        }
    }
}

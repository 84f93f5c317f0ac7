package io.channelops.platform.observability;

import io.micrometer.core.instrument.Counter;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts business changes only once they are committed. A change made in a transaction that
 * rolls back (a failed handler retried by Kafka, a conflict, a constraint) is never counted, and
 * one made in a transaction joined by inner ones is counted once, when the outer one commits.
 *
 * <pre>{@code
 * invoices.save(invoice);
 * AfterCommit.increment(invoicesIssued);
 * }</pre>
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    /** Increments {@code counter} when the current transaction commits; at once when none is active. */
    public static void increment(Counter counter) {
        run(counter::increment);
    }

    /** Runs {@code action} when the current transaction commits (never on rollback); at once when none is active. */
    public static void run(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}

package io.channelops.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/** A business change is counted once, when its transaction commits, and never when it rolls back. */
class AfterCommitTest {

    /** Transactions without a resource: enough for synchronizations, joined inner transactions and rollbacks. */
    private static final class InMemoryTransactions extends AbstractPlatformTransactionManager {

        private boolean active;
        int commits;

        @Override
        protected Object doGetTransaction() {
            return new boolean[] {active};
        }

        @Override
        protected boolean isExistingTransaction(Object transaction) {
            return ((boolean[]) transaction)[0];
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
            active = true;
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            commits++;
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }

        @Override
        protected void doSetRollbackOnly(DefaultTransactionStatus status) {
        }

        @Override
        protected void doCleanupAfterCompletion(Object transaction) {
            active = false;
        }
    }

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Counter issued = meters.counter("channelops.invoices.issued");
    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final TransactionTemplate tx = new TransactionTemplate(transactions);

    @Test
    void countsOnceWhenTheTransactionCommitsAndNotBefore() {
        tx.executeWithoutResult(status -> {
            AfterCommit.increment(issued);
            assertThat(issued.count()).isZero();
        });
        assertThat(transactions.commits).isEqualTo(1);
        assertThat(issued.count()).isEqualTo(1);
    }

    @Test
    void countsNothingWhenTheTransactionRollsBack() {
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            AfterCommit.increment(issued);
            throw new IllegalStateException("the handler failed after the change");
        })).isInstanceOf(IllegalStateException.class);
        tx.executeWithoutResult(status -> {
            AfterCommit.increment(issued);
            status.setRollbackOnly();
        });
        assertThat(issued.count()).isZero();
    }

    @Test
    void countsAChangeInAJoinedTransactionOnceWhenTheOuterOneCommits() {
        tx.executeWithoutResult(outer -> {
            tx.executeWithoutResult(inner -> AfterCommit.increment(issued));
            assertThat(issued.count()).as("the inner transaction only joined the outer one").isZero();
        });
        assertThat(issued.count()).isEqualTo(1);
    }

    @Test
    void countsNothingForAJoinedTransactionWhoseOuterOneRollsBack() {
        assertThatThrownBy(() -> tx.executeWithoutResult(outer -> {
            tx.executeWithoutResult(inner -> AfterCommit.increment(issued));
            throw new IllegalStateException("the inbox insert failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(issued.count()).isZero();
    }

    @Test
    void countsAtOnceOutsideATransaction() {
        AfterCommit.increment(issued);
        assertThat(issued.count()).isEqualTo(1);
    }
}

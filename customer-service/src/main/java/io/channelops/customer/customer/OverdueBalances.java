package io.channelops.customer.customer;

import java.util.List;

/**
 * Which customers owe money past its due date, as an SQL condition for the customer search's
 * {@code hasOverdueBalance} filter. The balances are the 360 summary's read model, which implements this; the archive
 * only knows the condition.
 */
public interface OverdueBalances {

    /**
     * A condition true for customers with an overdue balance today, correlated on {@code customerIdColumn} (e.g.
     * {@code c.id}), and the arguments of its placeholders.
     */
    SqlCondition overdue(String customerIdColumn);

    /** An SQL boolean expression and the values of its {@code ?} placeholders, in order. */
    record SqlCondition(String sql, List<Object> args) {
    }
}

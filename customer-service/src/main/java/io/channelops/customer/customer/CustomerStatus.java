package io.channelops.customer.customer;

/** Where a customer is in its life cycle. Only prospects return to the open pool. */
public enum CustomerStatus {
    PROSPECT, ACTIVE, DORMANT, LOST, BLACKLISTED
}

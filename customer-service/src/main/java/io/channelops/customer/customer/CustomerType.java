package io.channelops.customer.customer;

/** How a customer buys from us. */
public enum CustomerType {
    DIRECT, DISTRIBUTOR, DEALER, AGENT, RETAIL, GOVERNMENT, PARTNER
}

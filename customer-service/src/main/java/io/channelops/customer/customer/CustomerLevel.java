package io.channelops.customer.customer;

/** How much a customer matters to the business: key accounts get the most attention. */
public enum CustomerLevel {
    KEY, NORMAL, MINOR
}

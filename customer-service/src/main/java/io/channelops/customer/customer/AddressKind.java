package io.channelops.customer.customer;

/** What an address is for. */
public enum AddressKind {
    BILLING, SHIPPING, OTHER
}

package io.channelops.customer.contact;

/** The part a contact plays in the customer's buying decisions. */
public enum DealRole {
    DECISION_MAKER, INFLUENCER, PURCHASING, FINANCE, USER
}

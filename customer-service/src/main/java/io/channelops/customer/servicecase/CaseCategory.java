package io.channelops.customer.servicecase;

/** What a case is about. */
public enum CaseCategory {
    /** The customer is unhappy with a product, a delivery or the service. */
    COMPLAINT,
    /** A suggestion or praise. */
    FEEDBACK,
    /** A question that needs an answer. */
    INQUIRY,
    /** The customer wants to send goods back (the return itself is handled by order-service). */
    RETURN_REQUEST
}

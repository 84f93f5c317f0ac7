package io.channelops.order.credit;

/** What the credit gate says about an order amount. */
public sealed interface CreditDecision {

    /** The customer's credit covers the amount. */
    record Approved() implements CreditDecision {
    }

    /**
     * The customer's credit does not cover it.
     *
     * @param reason finance-service's reason, e.g. {@code CREDIT_LIMIT_EXCEEDED}
     */
    record Rejected(String reason) implements CreditDecision {
    }

    /**
     * No decision could be had: finance-service unreachable, too slow, failing, or its circuit open.
     * The order waits and is checked again later.
     *
     * @param cause what went wrong, for the record
     */
    record Unavailable(String cause) implements CreditDecision {
    }
}

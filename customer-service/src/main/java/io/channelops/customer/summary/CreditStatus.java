package io.channelops.customer.summary;

/**
 * Where a customer stands against their credit limit, judged on what the summary has seen: the open balance (unpaid
 * invoices) in the limit's currency against the limit. An indicator for people, not finance-service's credit check,
 * which also counts approved orders not yet invoiced.
 */
public enum CreditStatus {
    /** finance-service has not set a credit limit for the customer (or it has not arrived yet). */
    NO_ACCOUNT,
    /** The open balance in the limit's currency is at most the limit. */
    WITHIN_LIMIT,
    /** The open balance in the limit's currency exceeds the limit. */
    OVER_LIMIT
}

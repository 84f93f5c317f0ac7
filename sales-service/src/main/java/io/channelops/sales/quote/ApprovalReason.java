package io.channelops.sales.quote;

/** Why a submitted quote needs a manager's approval. */
public enum ApprovalReason {
    /** At least one line's agreed unit price is below the floor price of the price list line that priced it. */
    BELOW_FLOOR,
    /** The total discount against the list prices exceeds the submitter's discount limit. */
    DISCOUNT_OVER_LIMIT
}

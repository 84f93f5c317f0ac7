package io.channelops.sales.price;

/** Where an effective price came from. */
public enum PriceSource {
    /** A line of a confirmed price list that applies to the customer, product and date. */
    PRICE_LIST,
    /** The product's list price: no price list applies. */
    LIST_PRICE
}

package io.channelops.sales.price;

/** Where an effective price came from. Price lists will add their own source. */
public enum PriceSource {
    /** The product's list price: no price list applies. */
    LIST_PRICE
}

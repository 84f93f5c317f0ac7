package io.channelops.sales.product;

/** Whether a product can still be priced and sold. */
public enum ProductStatus {
    ACTIVE, DISCONTINUED
}

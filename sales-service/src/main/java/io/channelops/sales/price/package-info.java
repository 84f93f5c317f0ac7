/**
 * Prices: the unit price a customer pays for a product in a quantity on a date. Today that is the
 * product's list price; price lists (per customer, date range and quantity break) will be looked up by
 * {@link io.channelops.sales.price.PriceResolver} before it falls back to the list price.
 */
@NullMarked
package io.channelops.sales.price;

import org.jspecify.annotations.NullMarked;

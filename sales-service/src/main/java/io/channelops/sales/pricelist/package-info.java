/**
 * Price lists: company-wide prices per validity period and scope (region, customer type, customer level, product
 * category), entered, reviewed and confirmed by different people, kept with their full history; and the precedence
 * rules ({@link io.channelops.sales.pricelist.PriceListPrecedence}) that pick the one list and line that prices a
 * product for a customer on a date.
 */
@NullMarked
package io.channelops.sales.pricelist;

import org.jspecify.annotations.NullMarked;

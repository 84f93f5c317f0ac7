/**
 * sales-service's local copy of each customer's classification (type, region, level, status), kept from
 * customer-service's events, so that prices can depend on who buys without a call to customer-service.
 */
@NullMarked
package io.channelops.sales.customer;

import org.jspecify.annotations.NullMarked;

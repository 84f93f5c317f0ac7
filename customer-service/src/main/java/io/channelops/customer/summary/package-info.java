/**
 * The customer 360 summary: a local read model of order-service's and finance-service's events (orders, credit,
 * invoices, payments), kept by idempotent consumers and read together with the archive's own data. Eventually
 * consistent: it shows what has been consumed so far, never calls other services at read time.
 */
@NullMarked
package io.channelops.customer.summary;

import org.jspecify.annotations.NullMarked;

/** Customers (accounts): registration, lookup and search. */
@NullMarked
package io.channelops.customer.customer;

import org.jspecify.annotations.NullMarked;

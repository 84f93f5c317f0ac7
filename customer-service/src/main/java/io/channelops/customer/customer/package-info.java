/** Customers (accounts): registration, lookup, search and reassignment, within the caller's data scope. */
@NullMarked
package io.channelops.customer.customer;

import org.jspecify.annotations.NullMarked;

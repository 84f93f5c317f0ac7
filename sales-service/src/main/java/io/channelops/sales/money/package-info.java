/** Money as sales-service's features use it: a decimal amount with two places and an ISO-4217 currency. */
@NullMarked
package io.channelops.sales.money;

import org.jspecify.annotations.NullMarked;

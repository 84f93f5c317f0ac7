/** Money as finance counts it: an amount with two decimals in one currency. */
@NullMarked
package io.channelops.finance.money;

import org.jspecify.annotations.NullMarked;

/** Payments received from customers and their allocation to invoices. */
@NullMarked
package io.channelops.finance.payment;

import org.jspecify.annotations.NullMarked;

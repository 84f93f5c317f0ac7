/** finance-service: credit accounts and limits, invoices, receivables and payments. */
@NullMarked
package io.channelops.finance;

import org.jspecify.annotations.NullMarked;

/** Receivables: approved orders not yet invoiced, invoices issued for dispatched shipments, and what is still open on them. */
@NullMarked
package io.channelops.finance.receivables;

import org.jspecify.annotations.NullMarked;

/** REST API of invoices. */
@NullMarked
package io.channelops.finance.receivables.web;

import org.jspecify.annotations.NullMarked;

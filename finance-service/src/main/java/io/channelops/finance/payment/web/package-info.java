/** REST API of payments. */
@NullMarked
package io.channelops.finance.payment.web;

import org.jspecify.annotations.NullMarked;

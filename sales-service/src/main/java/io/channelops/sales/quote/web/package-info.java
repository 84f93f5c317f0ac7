/** {@code /api/v1/quotes}: the quotes API. */
@NullMarked
package io.channelops.sales.quote.web;

import org.jspecify.annotations.NullMarked;

/** {@code GET /api/v1/customers/{id}/summary}: the customer 360 summary. */
@NullMarked
package io.channelops.customer.summary.web;

import org.jspecify.annotations.NullMarked;

/** REST API of leads: {@code /api/v1/leads}. */
@NullMarked
package io.channelops.sales.lead.web;

import org.jspecify.annotations.NullMarked;

/**
 * Service cases: customer feedback and complaints, opened for a customer, assigned, tracked through their statuses
 * to resolution under a first-response and a resolution deadline per priority, and closed with an optional
 * satisfaction score.
 */
@NullMarked
package io.channelops.customer.servicecase;

import org.jspecify.annotations.NullMarked;

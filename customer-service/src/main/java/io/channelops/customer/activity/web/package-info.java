/** REST API of activities: per customer, across customers, and the author's same-day correction. */
@NullMarked
package io.channelops.customer.activity.web;

import org.jspecify.annotations.NullMarked;

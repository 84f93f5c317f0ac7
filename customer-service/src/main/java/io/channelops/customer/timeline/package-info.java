/** A customer's timeline: activities, changes, ownership, cases, orders and payments merged by time. */
@NullMarked
package io.channelops.customer.timeline;

import org.jspecify.annotations.NullMarked;

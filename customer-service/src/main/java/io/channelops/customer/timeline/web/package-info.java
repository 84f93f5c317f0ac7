/** REST API of the customer timeline. */
@NullMarked
package io.channelops.customer.timeline.web;

import org.jspecify.annotations.NullMarked;

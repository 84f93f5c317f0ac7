/** REST API of customers. */
@NullMarked
package io.channelops.customer.customer.web;

import org.jspecify.annotations.NullMarked;

/** REST API of service cases. */
@NullMarked
package io.channelops.customer.servicecase.web;

import org.jspecify.annotations.NullMarked;

/** REST API of custom attribute definitions. */
@NullMarked
package io.channelops.customer.attribute.web;

import org.jspecify.annotations.NullMarked;

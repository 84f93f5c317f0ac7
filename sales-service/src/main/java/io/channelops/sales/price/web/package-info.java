/** REST API of prices. */
@NullMarked
package io.channelops.sales.price.web;

import org.jspecify.annotations.NullMarked;

/** REST API of customer imports, and the adapter that imports rows through the customer-create request. */
@NullMarked
package io.channelops.customer.imports.web;

import org.jspecify.annotations.NullMarked;

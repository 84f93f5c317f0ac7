/** REST API of the product catalog. */
@NullMarked
package io.channelops.sales.product.web;

import org.jspecify.annotations.NullMarked;

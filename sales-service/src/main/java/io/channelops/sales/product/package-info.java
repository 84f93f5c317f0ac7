/** The product catalog: products, their SKUs, units and list prices. */
@NullMarked
package io.channelops.sales.product;

import org.jspecify.annotations.NullMarked;

/** sales-service: product catalog, price lists, leads, opportunities, forecasts and quotes. */
@NullMarked
package io.channelops.sales;

import org.jspecify.annotations.NullMarked;

/** REST API of price lists. */
@NullMarked
package io.channelops.sales.pricelist.web;

import org.jspecify.annotations.NullMarked;

/** REST API of receipts and stock levels. */
@NullMarked
package io.channelops.logistics.stock.web;

import org.jspecify.annotations.NullMarked;

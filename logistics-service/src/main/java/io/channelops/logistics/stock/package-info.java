/** The stock ledger: every movement of stock, and the on-hand and reserved level per warehouse and product. */
@NullMarked
package io.channelops.logistics.stock;

import org.jspecify.annotations.NullMarked;

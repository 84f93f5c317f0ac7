/** logistics-service: warehouses, the stock ledger, reservations of approved orders and shipments. */
@NullMarked
package io.channelops.logistics;

import org.jspecify.annotations.NullMarked;

/** Shipments: what leaves one warehouse for one order, and its dispatch. */
@NullMarked
package io.channelops.logistics.shipment;

import org.jspecify.annotations.NullMarked;

/** REST API of shipments. */
@NullMarked
package io.channelops.logistics.shipment.web;

import org.jspecify.annotations.NullMarked;

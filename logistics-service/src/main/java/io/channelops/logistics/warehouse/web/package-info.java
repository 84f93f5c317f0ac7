/** REST API of warehouses. */
@NullMarked
package io.channelops.logistics.warehouse.web;

import org.jspecify.annotations.NullMarked;

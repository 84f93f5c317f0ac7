/** Warehouses (central and remote-office ones): registration, lookup and search. */
@NullMarked
package io.channelops.logistics.warehouse;

import org.jspecify.annotations.NullMarked;

/** Reservations: stock set aside for approved orders, all lines or nothing. */
@NullMarked
package io.channelops.logistics.reservation;

import org.jspecify.annotations.NullMarked;

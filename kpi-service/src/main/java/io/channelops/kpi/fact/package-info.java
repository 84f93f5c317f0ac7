/**
 * Facts recorded from other services' events: approved orders and posted payments. Consumption
 * is idempotent twice over: the platform inbox skips an event id it has applied, and every fact
 * is keyed by its natural id (order id, payment id), so even a re-sent event under a new id
 * cannot count twice. Facts are independent of each other's arrival order. Every fact carries the
 * ownership of the order it follows from (owner id and org path, copied from the event), which the
 * scorecards' data scope filters on.
 */
@NullMarked
package io.channelops.kpi.fact;

import org.jspecify.annotations.NullMarked;

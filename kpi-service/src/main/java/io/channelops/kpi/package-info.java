/** kpi-service: sales targets, facts from events, rep scorecards, leaderboards and customer value. */
@NullMarked
package io.channelops.kpi;

import org.jspecify.annotations.NullMarked;

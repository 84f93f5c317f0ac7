/** REST API of scorecards and leaderboards. */
@NullMarked
package io.channelops.kpi.scorecard.web;

import org.jspecify.annotations.NullMarked;

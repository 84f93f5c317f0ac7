/**
 * Scorecards of sales reps and customers, and the rep leaderboard: queries over the recorded
 * facts. Collected cash is attributed to a rep here, at query time, by joining payments to the
 * approved orders they pay, so it is right whatever order the events arrived in. Every query reads
 * only the facts in the caller's data scope, so no total or rank counts a fact the caller may not see.
 */
@NullMarked
package io.channelops.kpi.scorecard;

import org.jspecify.annotations.NullMarked;

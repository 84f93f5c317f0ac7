/**
 * Reports over the pipeline: the weighted forecast per rep, team or region and period with managers' overrides kept
 * beside it, the funnel by stage with conversions, and the analysis of lost deals.
 */
@NullMarked
package io.channelops.sales.forecast;

import org.jspecify.annotations.NullMarked;

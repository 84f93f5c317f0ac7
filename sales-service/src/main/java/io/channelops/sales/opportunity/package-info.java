/**
 * Opportunities and the pipeline they move through: configurable stages with default win probabilities and stall
 * thresholds, loss reasons, stage history, activities, won and lost deals, stalled deals, and the opportunity a
 * converted lead opens.
 */
@NullMarked
package io.channelops.sales.opportunity;

import org.jspecify.annotations.NullMarked;

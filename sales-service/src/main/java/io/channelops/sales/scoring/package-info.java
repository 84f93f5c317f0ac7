/**
 * Trigger-based lead scoring: admin-defined rules (field conditions and behaviour signals with points, weekly
 * decay and caps), band thresholds, the pure {@link io.channelops.sales.scoring.LeadScorer} and the background
 * rescore jobs raised by rule changes. Knows nothing about the lead aggregate: leads feed it {@link
 * io.channelops.sales.scoring.LeadScorer.Facts} and signals.
 */
@NullMarked
package io.channelops.sales.scoring;

import org.jspecify.annotations.NullMarked;

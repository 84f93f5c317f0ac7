/**
 * Leads: capture with duplicate checks, the life cycle NEW → WORKING → QUALIFIED → CONVERTED (or DISQUALIFIED),
 * owners and the queue of unassigned leads, behaviour signals, the stored score and its history, background
 * rescoring and conversion into a customer, contact and opportunity.
 */
@NullMarked
package io.channelops.sales.lead;

import org.jspecify.annotations.NullMarked;

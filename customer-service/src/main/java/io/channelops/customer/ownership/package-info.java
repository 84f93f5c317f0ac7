/**
 * Ownership of customers: bulk assignment, moving every customer of a leaving owner, the assignment history, and the
 * open pool (stale prospects return to their org unit's pool; users claim from it within a limit).
 */
@NullMarked
package io.channelops.customer.ownership;

import org.jspecify.annotations.NullMarked;

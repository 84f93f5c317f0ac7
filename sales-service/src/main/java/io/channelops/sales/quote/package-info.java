/**
 * Quotes: offers to a customer, priced line by line from the effective price, with a manager's approval when a line
 * is below its floor price or the total discount exceeds the submitter's limit, versions (a revision is a new
 * version of the same quote number), validity, a PDF rendering, and {@code QuoteAccepted} when the customer accepts.
 * Other features are reached through one adapter each: {@link io.channelops.sales.quote.QuotePrices} (effective
 * price), {@link io.channelops.sales.quote.QuoteCatalog} (VAT rates) and
 * {@link io.channelops.sales.quote.QuoteOpportunities} (opportunities).
 */
@NullMarked
package io.channelops.sales.quote;

import org.jspecify.annotations.NullMarked;

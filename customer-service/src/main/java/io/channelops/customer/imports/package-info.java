/**
 * Customer import: a CSV file (UTF-8 or GBK, comma or tab) mapped column by column onto the customer-create
 * request, checked row by row (dry run) or imported in the background as a job with progress and per-row results.
 */
@NullMarked
package io.channelops.customer.imports;

import org.jspecify.annotations.NullMarked;

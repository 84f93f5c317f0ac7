/** REST API of lead scoring: rules, band thresholds and rescore jobs ({@code sales:configure}). */
@NullMarked
package io.channelops.sales.scoring.web;

import org.jspecify.annotations.NullMarked;

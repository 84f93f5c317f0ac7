/** REST API of opportunities and of the pipeline's configuration. */
@NullMarked
package io.channelops.sales.opportunity.web;

import org.jspecify.annotations.NullMarked;

/** REST API of the forecast and the pipeline reports. */
@NullMarked
package io.channelops.sales.forecast.web;

import org.jspecify.annotations.NullMarked;

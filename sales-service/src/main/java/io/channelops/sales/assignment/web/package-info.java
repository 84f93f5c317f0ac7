/** REST API of the lead assignment rules ({@code sales:configure}). */
@NullMarked
package io.channelops.sales.assignment.web;

import org.jspecify.annotations.NullMarked;

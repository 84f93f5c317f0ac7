/** Answers {@link io.channelops.customer.problem.DetailedProblem}s as RFC 9457 problem bodies. */
@NullMarked
package io.channelops.customer.problem.web;

import org.jspecify.annotations.NullMarked;

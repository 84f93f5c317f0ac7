/** Problems of the archive that carry more than a code: field errors and named properties (e.g. a duplicate). */
@NullMarked
package io.channelops.customer.problem;

import org.jspecify.annotations.NullMarked;

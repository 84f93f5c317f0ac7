/** Credit accounts, their limits, the customer's exposure and the credit check order-service calls. */
@NullMarked
package io.channelops.finance.credit;

import org.jspecify.annotations.NullMarked;

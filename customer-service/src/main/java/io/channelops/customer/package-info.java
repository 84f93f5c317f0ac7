/** customer-service: the customer archive, contacts, activities and the customer 360 summary. */
@NullMarked
package io.channelops.customer;

import org.jspecify.annotations.NullMarked;

/**
 * Custom attributes of customers: fields an administrator defines (key, label, type, required, validation) and the
 * validation of the values customers carry.
 */
@NullMarked
package io.channelops.customer.attribute;

import org.jspecify.annotations.NullMarked;

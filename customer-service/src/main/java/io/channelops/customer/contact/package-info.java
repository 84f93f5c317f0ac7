/**
 * Contacts: the people at a customer we deal with, their phones, role in the deal and preferred channel, and the
 * customer's one primary contact. A contact is visible exactly when its customer is.
 */
@NullMarked
package io.channelops.customer.contact;

import org.jspecify.annotations.NullMarked;

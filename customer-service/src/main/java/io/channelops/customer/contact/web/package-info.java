/** REST API of contacts, below their customer. */
@NullMarked
package io.channelops.customer.contact.web;

import org.jspecify.annotations.NullMarked;

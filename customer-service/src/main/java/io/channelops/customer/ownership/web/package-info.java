/** REST API of ownership: bulk assignment, owner transfer, assignment history and the open pool. */
@NullMarked
package io.channelops.customer.ownership.web;

import org.jspecify.annotations.NullMarked;

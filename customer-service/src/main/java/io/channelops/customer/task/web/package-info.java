/** REST API of tasks, their lists and the neglected customers. */
@NullMarked
package io.channelops.customer.task.web;

import org.jspecify.annotations.NullMarked;

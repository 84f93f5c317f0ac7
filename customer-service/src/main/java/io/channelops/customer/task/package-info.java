/**
 * Tasks and reminders: follow-up tasks with a due date, an assignee and a status, the caller's overdue and due-today
 * lists, follow-ups created from logged activities, and the customers nobody has followed up for too long.
 */
@NullMarked
package io.channelops.customer.task;

import org.jspecify.annotations.NullMarked;

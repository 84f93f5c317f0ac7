package io.channelops.customer.activity;

import java.time.Instant;
import java.time.LocalDate;

/**
 * In-process only (not published to Kafka): an activity was logged with a next step and a follow-up date, so a
 * follow-up task {@code taskId} is due on {@code dueDate} for the person who logged it. Raised in the logging
 * transaction; the tasks feature creates the task in that same transaction.
 *
 * @param assigneeId who logged the activity; the task is theirs
 * @param assigneeOrgPath their org path when they logged it (the task's ownership)
 */
public record FollowUpRequested(String taskId, String activityId, String customerId, String title, String notes,
        LocalDate dueDate, String assigneeId, String assigneeOrgPath, Instant requestedAt) {
}

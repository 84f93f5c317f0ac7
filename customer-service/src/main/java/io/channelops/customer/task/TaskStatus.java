package io.channelops.customer.task;

/** Where a task is: open until done or cancelled; both are final. */
public enum TaskStatus {
    OPEN, DONE, CANCELLED
}

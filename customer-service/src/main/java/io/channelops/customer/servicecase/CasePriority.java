package io.channelops.customer.servicecase;

/** How urgent a case is; decides its SLA deadlines. */
public enum CasePriority {
    LOW, NORMAL, HIGH, URGENT
}

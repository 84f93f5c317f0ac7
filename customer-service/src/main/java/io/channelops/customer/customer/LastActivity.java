package io.channelops.customer.customer;

import io.channelops.events.customer.ActivityLogged;
import java.sql.Timestamp;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code customers.last_activity_at} as the latest {@code occurredAt} of the activities logged for a customer,
 * in the transaction that logs the activity (a plain listener of the in-process {@link ActivityLogged}). Idempotent
 * and order-independent: it only ever moves the time forward. A plain SQL update: not a change of the customer's
 * data, so no revision, no version bump (ETags stay valid) and no {@code CustomerChanged}.
 */
@Component
class LastActivity {

    private final JdbcTemplate jdbc;

    LastActivity(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(ActivityLogged event) {
        Timestamp at = Timestamp.from(event.occurredAt());
        jdbc.update("UPDATE customers SET last_activity_at = ? WHERE id = ? "
                + "AND (last_activity_at IS NULL OR last_activity_at < ?)", at, event.customerId(), at);
    }
}

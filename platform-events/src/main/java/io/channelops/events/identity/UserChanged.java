package io.channelops.events.identity;

import io.channelops.events.DomainEvent;
import io.channelops.events.Published;
import io.channelops.events.Topics;
import java.time.Instant;
import java.util.List;

/**
 * A user's roles, org unit or status changed (a full snapshot). {@code status} is {@code ACTIVE} or
 * {@code DEACTIVATED}. Never carries a password.
 */
@Published(topic = Topics.USERS, service = "identity")
public record UserChanged(String userId, String username, String displayName, List<String> roles,
        String orgUnitId, String orgPath, String status, Instant changedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId;
    }
}

package io.channelops.events.identity;

import io.channelops.events.DomainEvent;
import io.channelops.events.Published;
import io.channelops.events.Topics;
import java.time.Instant;

/**
 * An org unit was created, renamed or moved (a full snapshot). {@code parentId} is empty for the root;
 * on a move every unit of the moved subtree gets its own event with its new {@code path}.
 */
@Published(topic = Topics.ORG_UNITS, service = "identity")
public record OrgUnitChanged(String orgUnitId, String code, String name, String parentId, String path,
        Instant changedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return orgUnitId;
    }
}

package io.channelops.platform.security;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Who a business record belongs to: the owning user (or integration client) and the org path it lives in, e.g.
 * {@code /hq/east/team-1}. Stored as {@code owner_id} and {@code org_path} on every business record; set by the
 * server, never by a request body. Reassignment replaces it as a whole.
 */
@Embeddable
public record Ownership(
        @Column(name = "owner_id", nullable = false, length = 64) String ownerId,
        @Column(name = "org_path", nullable = false, length = 255) String orgPath) {

    public Ownership {
        if (ownerId == null || ownerId.isBlank()) {
            throw new IllegalArgumentException("ownerId is required");
        }
        if (orgPath == null) {
            throw new IllegalArgumentException("orgPath is required");
        }
    }

    /** True when this record lies in the org unit {@code root} or below it. */
    public boolean within(String root) {
        return OrgPaths.within(orgPath, root);
    }
}

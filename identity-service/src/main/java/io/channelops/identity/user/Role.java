package io.channelops.identity.user;

/** What a user may do; carried in the {@code roles} claim of their tokens. */
public enum Role {
    ADMIN, DIRECTOR, MANAGER, REP, FINANCE, LOGISTICS, AUDITOR
}

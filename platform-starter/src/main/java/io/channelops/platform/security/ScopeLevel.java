package io.channelops.platform.security;

/** How much of the org tree's data a caller sees. */
public enum ScopeLevel {
    /** Records they own. */
    OWN,
    /** Records of their org unit and every unit below it. */
    SUBTREE,
    /** Every record (of the services their permissions reach). */
    ALL;

    ScopeLevel widest(ScopeLevel other) {
        return compareTo(other) >= 0 ? this : other;
    }
}

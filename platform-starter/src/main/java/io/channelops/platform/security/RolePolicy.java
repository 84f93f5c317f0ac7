package io.channelops.platform.security;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What each role may do and see, from {@code channelops.security.roles.<ROLE>.*} (defaults in
 * {@code channelops-defaults.properties}). A user with several roles gets the union of their permissions and the
 * widest of their scope levels; an unknown role grants nothing.
 */
public final class RolePolicy {

    private final Map<String, SecurityProperties.Role> roles;

    public RolePolicy(Map<String, SecurityProperties.Role> roles) {
        this.roles = Map.copyOf(roles);
    }

    public Set<String> permissions(Set<String> userRoles) {
        Set<String> permissions = new LinkedHashSet<>();
        for (String role : userRoles) {
            SecurityProperties.Role granted = roles.get(role);
            if (granted != null) {
                permissions.addAll(granted.permissions());
            }
        }
        return permissions;
    }

    public ScopeLevel level(Set<String> userRoles) {
        ScopeLevel level = ScopeLevel.OWN;
        for (String role : userRoles) {
            SecurityProperties.Role granted = roles.get(role);
            if (granted != null) {
                level = level.widest(granted.scope());
            }
        }
        return level;
    }
}

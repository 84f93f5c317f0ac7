package io.channelops.platform.security;

import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The caller of the current request, from its access token: a user ({@code sub} = user id, {@code roles},
 * {@code org_path}) or an integration client ({@code sub} = client id, no roles, its registration's scopes and org
 * path).
 *
 * @param id user id or client id; becomes {@code owner_id} of what the caller creates
 * @param orgPath the caller's org unit, e.g. {@code /hq/east/team-1}
 * @param roles the user's roles, empty for a client
 * @param permissions the operations the caller may perform ({@code customers:read}, ...): from the roles for a
 *     user, the token's scopes for a client
 * @param level how much of the org tree's data the caller sees
 * @param client true for an integration client (client-credentials token)
 * @param token the raw bearer token, relayed on calls to other services
 */
public record CurrentUser(String id, String orgPath, Set<String> roles, Set<String> permissions, ScopeLevel level,
        boolean client, String token) {

    /** The caller of the current request, if it carries a valid token. */
    public static Optional<CurrentUser> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    /** The caller of the current request; only for code that runs behind the token check. */
    public static CurrentUser require() {
        return current().orElseThrow(() -> new IllegalStateException(
                "No authenticated caller: data scope is only available while serving a request"));
    }

    public boolean has(String permission) {
        return permissions.contains(permission);
    }

    /** The ownership of a record this caller creates. */
    public Ownership ownership() {
        return new Ownership(id, orgPath);
    }
}

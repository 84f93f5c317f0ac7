package io.channelops.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;

/**
 * An authenticated request: its principal is the {@link CurrentUser}; its authorities are the caller's permissions
 * (used as {@code hasAuthority('customers:read')}) and {@code ROLE_<role>} for each role.
 */
public final class CallerAuthentication extends AbstractOAuth2TokenAuthenticationToken<Jwt> {

    private final CurrentUser user;

    CallerAuthentication(Jwt jwt, CurrentUser user, Collection<? extends GrantedAuthority> authorities) {
        super(jwt, user, jwt, authorities);
        this.user = user;
        setAuthenticated(true);
    }

    @Override
    public Map<String, Object> getTokenAttributes() {
        return getToken().getClaims();
    }

    @Override
    public String getName() {
        return user.id();
    }

    /** Reads our claims from a validated JWT: users get their roles' permissions, clients their scopes. */
    public static final class FromJwt implements Converter<Jwt, AbstractAuthenticationToken> {

        private final RolePolicy policy;

        public FromJwt(RolePolicy policy) {
            this.policy = policy;
        }

        @Override
        public AbstractAuthenticationToken convert(Jwt jwt) {
            Set<String> roles = new LinkedHashSet<>(strings(jwt.getClaim("roles")));
            String orgPath = jwt.getClaimAsString("org_path");
            boolean client = roles.isEmpty();
            Set<String> permissions = client ? new LinkedHashSet<>(strings(jwt.getClaim("scope")))
                    : policy.permissions(roles);
            ScopeLevel level = client ? ScopeLevel.SUBTREE : policy.level(roles);
            CurrentUser user = new CurrentUser(jwt.getSubject(), orgPath == null ? "" : orgPath, Set.copyOf(roles),
                    Set.copyOf(permissions), level, client, jwt.getTokenValue());
            List<GrantedAuthority> authorities = new ArrayList<>();
            permissions.forEach(p -> authorities.add(new SimpleGrantedAuthority(p)));
            roles.forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r)));
            return new CallerAuthentication(jwt, user, authorities);
        }

        private static List<String> strings(Object claim) {
            if (claim instanceof Collection<?> values) {
                return values.stream().map(String::valueOf).toList();
            }
            if (claim instanceof String value && !value.isBlank()) {
                return List.of(value.trim().split("\\s+"));
            }
            return List.of();
        }
    }
}

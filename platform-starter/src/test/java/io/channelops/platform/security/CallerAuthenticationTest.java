package io.channelops.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class CallerAuthenticationTest {

    private final RolePolicy policy = new RolePolicy(Map.of(
            "REP", new SecurityProperties.Role(List.of("customers:read", "orders:write"), ScopeLevel.OWN),
            "MANAGER", new SecurityProperties.Role(List.of("customers:read", "customers:assign"),
                    ScopeLevel.SUBTREE),
            "AUDITOR", new SecurityProperties.Role(List.of("customers:read"), ScopeLevel.ALL)));

    private static Jwt jwt(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("token-value").header("alg", "RS256").subject("u-1")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(builder::claim);
        return builder.build();
    }

    @Test
    void aUserGetsThePermissionsOfTheirRolesAndTheWidestScope() {
        var auth = (CallerAuthentication) new CallerAuthentication.FromJwt(policy).convert(jwt(Map.of(
                "roles", List.of("REP", "MANAGER"), "org_path", "/hq/east", "scope", List.of("openid"))));
        CurrentUser user = (CurrentUser) auth.getPrincipal();
        assertThat(user.id()).isEqualTo("u-1");
        assertThat(user.client()).isFalse();
        assertThat(user.level()).isEqualTo(ScopeLevel.SUBTREE);
        assertThat(user.permissions()).containsExactlyInAnyOrder("customers:read", "orders:write",
                "customers:assign");
        assertThat(auth.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .contains("ROLE_REP", "ROLE_MANAGER", "customers:assign").doesNotContain("openid");
        assertThat(user.token()).isEqualTo("token-value");
    }

    @Test
    void aClientGetsItsScopesAndTheSubtreeOfItsOrgPath() {
        var auth = new CallerAuthentication.FromJwt(policy).convert(jwt(Map.of(
                "roles", List.of(), "org_path", "/hq/west", "scope", "customers:read orders:read")));
        CurrentUser client = (CurrentUser) auth.getPrincipal();
        assertThat(client.client()).isTrue();
        assertThat(client.level()).isEqualTo(ScopeLevel.SUBTREE);
        assertThat(client.orgPath()).isEqualTo("/hq/west");
        assertThat(client.permissions()).containsExactlyInAnyOrder("customers:read", "orders:read");
    }

    @Test
    void anUnknownRoleGrantsNothing() {
        var auth = new CallerAuthentication.FromJwt(policy).convert(jwt(Map.of(
                "roles", List.of("JANITOR"), "org_path", "/hq")));
        CurrentUser user = (CurrentUser) auth.getPrincipal();
        assertThat(user.permissions()).isEmpty();
        assertThat(user.level()).isEqualTo(ScopeLevel.OWN);
    }

    @Test
    void scopeChecksFollowTheLevel() {
        Ownership east1 = new Ownership("u-rep", "/hq/east/team-1");
        assertThat(DataScope.permits(caller("u-rep", "/hq/east/team-1", ScopeLevel.OWN), east1)).isTrue();
        assertThat(DataScope.permits(caller("u-peer", "/hq/east/team-1", ScopeLevel.OWN), east1)).isFalse();
        assertThat(DataScope.permits(caller("u-m", "/hq/east", ScopeLevel.SUBTREE), east1)).isTrue();
        assertThat(DataScope.permits(caller("u-m", "/hq/west", ScopeLevel.SUBTREE), east1)).isFalse();
        assertThat(DataScope.permits(caller("u-c", "", ScopeLevel.SUBTREE), east1)).isFalse();
        assertThat(DataScope.permits(caller("u-d", "/hq", ScopeLevel.ALL), east1)).isTrue();
    }

    private static CurrentUser caller(String id, String orgPath, ScopeLevel level) {
        return new CurrentUser(id, orgPath, java.util.Set.of(), java.util.Set.of(), level, false, "t");
    }
}

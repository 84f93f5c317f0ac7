package io.channelops.identity.security;

import io.channelops.identity.user.Role;
import io.channelops.identity.user.UserService;
import io.channelops.identity.user.UserService.LoginOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The login form's username and password, checked by {@link UserService#login}, which counts failures and locks
 * the account. The principal is a plain {@link User} (it is stored with the OAuth2 authorization).
 */
final class UserAuthenticationProvider implements AuthenticationProvider {

    private final UserService users;

    UserAuthenticationProvider(UserService users) {
        this.users = users;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        Object credentials = authentication.getCredentials();
        String password = credentials == null ? "" : credentials.toString();
        LoginOutcome outcome = users.login(username, password);
        switch (outcome) {
            case BAD_CREDENTIALS -> throw new BadCredentialsException("Bad credentials");
            case LOCKED -> throw new LockedException("Account is locked");
            case DEACTIVATED -> throw new DisabledException("Account is deactivated");
            case SUCCESS -> {
                // fall through to build the principal
            }
        }
        var user = users.byUsername(username).orElseThrow(() -> new BadCredentialsException("Bad credentials"));
        var authorities = user.roles().stream().map(Role::name).map(r -> new SimpleGrantedAuthority("ROLE_" + r))
                .toList();
        User principal = new User(user.username(), "", authorities);
        List<GrantedAuthority> granted = new ArrayList<>(authorities);
        granted.add(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
                .issuedAt(Instant.now()).build());
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, granted);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

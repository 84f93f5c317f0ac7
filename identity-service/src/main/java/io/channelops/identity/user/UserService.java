package io.channelops.identity.user;

import io.channelops.identity.IdentityProperties;
import io.channelops.identity.org.OrgUnit;
import io.channelops.identity.org.OrgUnitService;
import io.channelops.platform.web.ApiProblem;
import io.channelops.platform.web.ETags;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use cases of user accounts; each one transaction. */
@Service
public class UserService {

    private static final String PASSWORD_ALPHABET =
            "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final UserAccounts users;
    private final OrgUnitService orgUnits;
    private final PasswordEncoder passwords;
    private final IdentityProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public UserService(UserAccounts users, OrgUnitService orgUnits, PasswordEncoder passwords,
            IdentityProperties properties, Clock clock) {
        this.users = users;
        this.orgUnits = orgUnits;
        this.passwords = passwords;
        this.properties = properties;
        this.clock = clock;
    }

    /** A user with the org path of their unit. */
    public record UserView(UserAccount user, String orgPath) {
    }

    /** What an admin may set when creating a user. */
    public record Registration(String username, String displayName, String password, Set<Role> roles,
            String orgUnitId) {
    }

    /** What an admin may change; null leaves a field as it is. */
    public record Change(@Nullable Set<Role> roles, @Nullable String orgUnitId, @Nullable String displayName) {
    }

    /** What a token needs to know about its subject. */
    public record TokenSubject(String userId, List<String> roles, String orgPath, boolean canSignIn) {
    }

    @Transactional
    public UserView register(Registration registration) {
        String username = registration.username().strip().toLowerCase(Locale.ROOT);
        if (users.existsByUsername(username)) {
            throw ApiProblem.conflict("USERNAME_TAKEN", "Username " + username + " is already in use", username);
        }
        OrgUnit unit = existingUnit(registration.orgUnitId());
        UserAccount user = UserAccount.register(username, registration.displayName().strip(),
                passwords.encode(registration.password()), registration.roles(), unit.id(), unit.path(),
                Instant.now(clock));
        return new UserView(users.save(user), unit.path());
    }

    @Transactional(readOnly = true)
    public UserView get(String id) {
        UserAccount user = users.findById(id).orElseThrow(() -> ApiProblem.notFound("user", id));
        return new UserView(user, orgUnits.get(user.orgUnitId()).path());
    }

    @Transactional(readOnly = true)
    public Optional<UserAccount> byUsername(String username) {
        return users.findByUsername(username.toLowerCase(Locale.ROOT));
    }

    @Transactional(readOnly = true)
    public Page<UserView> list(Pageable pageable) {
        return users.findAll(pageable).map(u -> new UserView(u, orgUnits.get(u.orgUnitId()).path()));
    }

    @Transactional
    public UserView change(String id, @Nullable String ifMatch, Change change) {
        UserAccount user = users.findById(id).orElseThrow(() -> ApiProblem.notFound("user", id));
        ETags.requireMatch(ifMatch, user.version(), "user", id);
        OrgUnit unit = existingUnit(change.orgUnitId() == null ? user.orgUnitId() : change.orgUnitId());
        user.change(change.roles(), change.orgUnitId(),
                change.displayName() == null ? null : change.displayName().strip(), unit.path(),
                Instant.now(clock));
        return new UserView(users.saveAndFlush(user), unit.path());
    }

    @Transactional
    public UserView deactivate(String id) {
        UserAccount user = users.findById(id).orElseThrow(() -> ApiProblem.notFound("user", id));
        String path = orgUnits.get(user.orgUnitId()).path();
        user.deactivate(path, Instant.now(clock));
        return new UserView(users.saveAndFlush(user), path);
    }

    /** Sets a generated temporary password and returns it; it is never stored or shown again. */
    @Transactional
    public String resetPassword(String id) {
        UserAccount user = users.findById(id).orElseThrow(() -> ApiProblem.notFound("user", id));
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        user.resetPassword(passwords.encode(password), Instant.now(clock));
        users.saveAndFlush(user);
        return password.toString();
    }

    /** The outcome of a login attempt. */
    public enum LoginOutcome {
        SUCCESS, BAD_CREDENTIALS, LOCKED, DEACTIVATED
    }

    /**
     * Checks a password and keeps the lock-out count in the same transaction (a failure is counted, not rolled
     * back). An unknown user is a bad credential.
     */
    @Transactional
    public LoginOutcome login(String username, String rawPassword) {
        Optional<UserAccount> found = byUsername(username);
        if (found.isEmpty()) {
            passwords.matches(rawPassword, "{noop}timing");
            return LoginOutcome.BAD_CREDENTIALS;
        }
        UserAccount user = found.get();
        Instant now = Instant.now(clock);
        if (!user.active()) {
            return LoginOutcome.DEACTIVATED;
        }
        if (user.isLocked(now)) {
            return LoginOutcome.LOCKED;
        }
        if (!passwords.matches(rawPassword, user.passwordHash())) {
            user.recordFailedLogin(properties.maxFailedLogins(), properties.lockDuration(), now);
            users.save(user);
            return user.isLocked(now) ? LoginOutcome.LOCKED : LoginOutcome.BAD_CREDENTIALS;
        }
        if (user.failedLogins() > 0 || user.lockedUntil() != null) {
            user.recordSuccessfulLogin();
            users.save(user);
        }
        return LoginOutcome.SUCCESS;
    }

    /** The claims of a token for {@code username}, or empty if there is no such user. */
    @Transactional(readOnly = true)
    public Optional<TokenSubject> tokenSubject(String username) {
        return byUsername(username).map(u -> new TokenSubject(u.id(), u.roleNames(),
                orgUnits.get(u.orgUnitId()).path(), u.canSignIn(Instant.now(clock))));
    }

    private OrgUnit existingUnit(String orgUnitId) {
        try {
            return orgUnits.get(orgUnitId);
        }
        catch (ApiProblem ex) {
            throw ApiProblem.unprocessable("UNKNOWN_ORG_UNIT", "No org unit has the id " + orgUnitId, orgUnitId);
        }
    }
}

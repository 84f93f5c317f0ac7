package io.channelops.identity.user;

import io.channelops.events.identity.UserChanged;
import io.channelops.events.identity.UserRegistered;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A person who logs in. Guards its own lock-out: {@code maxFailures} bad passwords in a row lock it for a while.
 * Raises {@link UserRegistered} and {@link UserChanged}; never with the password.
 */
@Entity
@Table(name = "users")
public class UserAccount extends AbstractAggregateRoot<UserAccount> {

    public static final String ACTIVE = "ACTIVE";
    public static final String DEACTIVATED = "DEACTIVATED";

    @Id
    private String id;

    @Column(nullable = false, unique = true)
    private String username;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    /** Role names, comma-separated, sorted. */
    @Column(nullable = false)
    private String roles;

    @Column(name = "org_unit_id", nullable = false)
    private String orgUnitId;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    @Column(name = "locked_until")
    private @Nullable Instant lockedUntil;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected UserAccount() {
        // for JPA
        this.id = "";
        this.username = "";
        this.displayName = "";
        this.passwordHash = "";
        this.roles = "";
        this.orgUnitId = "";
        this.createdAt = Instant.EPOCH;
        this.updatedAt = Instant.EPOCH;
    }

    UserAccount(String username, String displayName, String passwordHash, Set<Role> roles, String orgUnitId,
            Instant now) {
        this.id = UUID.randomUUID().toString();
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.roles = join(roles);
        this.orgUnitId = orgUnitId;
        this.active = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    static UserAccount register(String username, String displayName, String passwordHash, Set<Role> roles,
            String orgUnitId, String orgPath, Instant now) {
        UserAccount user = new UserAccount(username, displayName, passwordHash, roles, orgUnitId, now);
        user.registerEvent(new UserRegistered(user.id, username, displayName, user.roleNames(), orgUnitId, orgPath,
                ACTIVE, now));
        return user;
    }

    void change(@Nullable Set<Role> newRoles, @Nullable String newOrgUnitId, @Nullable String newDisplayName,
            String orgPath, Instant now) {
        if (newRoles != null) {
            this.roles = join(newRoles);
        }
        if (newOrgUnitId != null) {
            this.orgUnitId = newOrgUnitId;
        }
        if (newDisplayName != null) {
            this.displayName = newDisplayName;
        }
        this.updatedAt = now;
        changed(orgPath, now);
    }

    void deactivate(String orgPath, Instant now) {
        if (!active) {
            return;
        }
        this.active = false;
        this.updatedAt = now;
        changed(orgPath, now);
    }

    void resetPassword(String newHash, Instant now) {
        this.passwordHash = newHash;
        this.failedLogins = 0;
        this.lockedUntil = null;
        this.updatedAt = now;
    }

    /** Whether the account is locked at {@code now}. */
    public boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** Whether this user may log in or get new tokens at {@code now}. */
    public boolean canSignIn(Instant now) {
        return active && !isLocked(now);
    }

    /** A bad password: counts it, and locks the account for {@code lockFor} once {@code maxFailures} are reached. */
    void recordFailedLogin(int maxFailures, Duration lockFor, Instant now) {
        if (lockedUntil != null && !lockedUntil.isAfter(now)) {
            lockedUntil = null;
        }
        failedLogins++;
        if (failedLogins >= maxFailures) {
            lockedUntil = now.plus(lockFor);
            failedLogins = 0;
        }
    }

    void recordSuccessfulLogin() {
        failedLogins = 0;
        lockedUntil = null;
    }

    private void changed(String orgPath, Instant now) {
        registerEvent(new UserChanged(id, username, displayName, roleNames(), orgUnitId, orgPath,
                active ? ACTIVE : DEACTIVATED, now));
    }

    private static String join(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    public String id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    String passwordHash() {
        return passwordHash;
    }

    public Set<Role> roles() {
        EnumSet<Role> set = EnumSet.noneOf(Role.class);
        if (!roles.isEmpty()) {
            Arrays.stream(roles.split(",")).map(Role::valueOf).forEach(set::add);
        }
        return set;
    }

    public List<String> roleNames() {
        return roles().stream().map(Role::name).toList();
    }

    public String orgUnitId() {
        return orgUnitId;
    }

    public boolean active() {
        return active;
    }

    public int failedLogins() {
        return failedLogins;
    }

    public @Nullable Instant lockedUntil() {
        return lockedUntil;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}

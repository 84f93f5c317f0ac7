package io.channelops.platform.test;

import io.channelops.events.identity.UserRegistered;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Feeds a service's copy of identity-service's users (the platform user directory, table {@code directory_users})
 * the way identity-service does: a {@code UserRegistered} event on {@code identity.users}, then waits until the
 * service has stored it. For services with {@code channelops.security.user-directory.enabled=true}.
 */
public final class UserDirectoryFeed {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private UserDirectoryFeed() {
    }

    /** Makes each caller an active user the service knows, at the caller's org path. */
    public static void register(JdbcTemplate jdbc, Caller... users) {
        for (Caller user : users) {
            if (!known(jdbc, user.id())) {
                publish(user.id(), user.orgPath(), user.roles(), "ACTIVE");
            }
        }
        for (Caller user : users) {
            awaitKnown(jdbc, user.id());
        }
    }

    /** Publishes a user with the given status (e.g. {@code DEACTIVATED}) and waits until the service has it. */
    public static void register(JdbcTemplate jdbc, String userId, String orgPath, String status) {
        publish(userId, orgPath, List.of("REP"), status);
        awaitKnown(jdbc, userId);
    }

    /** An active rep {@code userId} at {@code orgPath}, and waits until the service has it. */
    public static void registerRep(JdbcTemplate jdbc, String userId, String orgPath) {
        register(jdbc, userId, orgPath, "ACTIVE");
    }

    private static void publish(String userId, String orgPath, List<String> roles, String status) {
        EventProbe.publish(new UserRegistered(userId, userId, "Test user " + userId, roles,
                "ou-" + orgPath.replace('/', '-'), orgPath, status, Instant.now()), 1);
    }

    private static boolean known(JdbcTemplate jdbc, String userId) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM directory_users WHERE user_id = ?", Long.class,
                userId);
        return count != null && count > 0;
    }

    private static void awaitKnown(JdbcTemplate jdbc, String userId) {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (!known(jdbc, userId)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("User " + userId + " did not reach directory_users within " + TIMEOUT);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}

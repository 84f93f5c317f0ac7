package io.channelops.sales.opportunity;

import io.channelops.events.identity.UserRegistered;
import io.channelops.platform.test.Caller;
import io.channelops.platform.test.EventProbe;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Feeds sales-service's copy of identity-service's users (table {@code directory_users}) the way identity-service
 * does: a {@code UserRegistered} event on {@code identity.users}, then waits until the service has stored it.
 */
public final class DirectoryUsers {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private DirectoryUsers() {
    }

    /** Makes each caller an active user the service knows, at the caller's org path. */
    public static void register(JdbcTemplate jdbc, Caller... users) {
        for (Caller user : users) {
            if (!known(jdbc, user.id())) {
                EventProbe.publish(new UserRegistered(user.id(), user.id(), "Test user " + user.id(), user.roles(),
                        "ou-" + user.orgPath().replace('/', '-'), user.orgPath(), "ACTIVE", Instant.now()), 1);
            }
        }
        for (Caller user : users) {
            Instant deadline = Instant.now().plus(TIMEOUT);
            while (!known(jdbc, user.id())) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("User " + user.id() + " did not reach directory_users within "
                            + TIMEOUT);
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

    private static boolean known(JdbcTemplate jdbc, String userId) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM directory_users WHERE user_id = ?", Long.class,
                userId);
        return count != null && count > 0;
    }
}

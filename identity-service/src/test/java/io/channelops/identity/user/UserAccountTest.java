package io.channelops.identity.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserAccountTest {

    private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");
    private static final Duration LOCK = Duration.ofMinutes(15);

    private static UserAccount user() {
        return new UserAccount("rep.a", "Rep A", "{noop}x", Set.of(Role.REP), "unit-1", NOW);
    }

    @Test
    void locksAfterFiveFailedLoginsForFifteenMinutes() {
        UserAccount user = user();
        for (int i = 0; i < 4; i++) {
            user.recordFailedLogin(5, LOCK, NOW);
        }
        assertThat(user.isLocked(NOW)).isFalse();
        assertThat(user.failedLogins()).isEqualTo(4);

        user.recordFailedLogin(5, LOCK, NOW);

        assertThat(user.isLocked(NOW)).isTrue();
        assertThat(user.canSignIn(NOW.plus(Duration.ofMinutes(14)))).isFalse();
        assertThat(user.canSignIn(NOW.plus(LOCK).plusSeconds(1))).isTrue();
    }

    @Test
    void aSuccessfulLoginResetsTheCount() {
        UserAccount user = user();
        user.recordFailedLogin(5, LOCK, NOW);
        user.recordFailedLogin(5, LOCK, NOW);
        user.recordSuccessfulLogin();
        for (int i = 0; i < 4; i++) {
            user.recordFailedLogin(5, LOCK, NOW);
        }
        assertThat(user.isLocked(NOW)).isFalse();
    }

    @Test
    void aDeactivatedUserCannotSignIn() {
        UserAccount user = user();
        user.deactivate("/hq", NOW);
        assertThat(user.canSignIn(NOW)).isFalse();
        assertThat(user.active()).isFalse();
    }

    @Test
    void rolesRoundTripThroughTheColumn() {
        UserAccount user = new UserAccount("x", "X", "{noop}x", Set.of(Role.REP, Role.AUDITOR), "u", NOW);
        assertThat(user.roleNames()).containsExactlyInAnyOrder("AUDITOR", "REP");
    }
}

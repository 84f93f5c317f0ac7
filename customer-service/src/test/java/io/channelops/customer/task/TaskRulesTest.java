package io.channelops.customer.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.channelops.customer.customer.CustomerLevel;
import io.channelops.platform.security.Ownership;
import io.channelops.platform.web.ApiProblem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A task's life cycle and the follow-up settings. */
class TaskRulesTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Ownership REP = new Ownership("u-rep-east1-a", "/hq/east/team-1");

    private static Task open() {
        return Task.open("Call back", null, LocalDate.of(2026, 3, 5), null, null, REP, "u-rep-east1-a", NOW);
    }

    @Test
    void anOpenTaskIsCompletedOrCancelledOnceAndThenNoLongerChanges() {
        Task done = open();
        done.complete("u-manager-east1", NOW);
        assertThat(done.status()).isEqualTo(TaskStatus.DONE);
        assertThat(done.closedBy()).isEqualTo("u-manager-east1");
        assertThat(done.completedAt()).isEqualTo(NOW);
        for (Runnable action : new Runnable[] {() -> done.complete("x", NOW), () -> done.cancel("x", NOW),
                () -> done.change("New", null, null, NOW), () -> done.reassign(REP, NOW)}) {
            assertThatThrownBy(action::run).isInstanceOfSatisfying(ApiProblem.class,
                    problem -> assertThat(problem.code()).isEqualTo("ILLEGAL_STATE_TRANSITION"));
        }
        Task cancelled = open();
        cancelled.cancel("u-rep-east1-a", NOW);
        assertThat(cancelled.status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(cancelled.cancelledAt()).isEqualTo(NOW);
        assertThatThrownBy(() -> cancelled.complete("x", NOW)).isInstanceOf(ApiProblem.class);
    }

    @Test
    void reassigningHandsTheTaskAndItsOwnershipToTheNewAssignee() {
        Task task = open();
        task.reassign(new Ownership("u-rep-east2-a", "/hq/east/team-2"), NOW);
        assertThat(task.assigneeId()).isEqualTo("u-rep-east2-a");
        assertThat(task.ownership()).isEqualTo(new Ownership("u-rep-east2-a", "/hq/east/team-2"));
    }

    @Test
    void followUpDaysDefaultPerLevelAndCanBeOverriddenOneByOne() {
        FollowUpSettings defaults = new FollowUpSettings(null, ZoneId.of("UTC"));
        assertThat(defaults.daysFor(CustomerLevel.KEY)).isEqualTo(7);
        assertThat(defaults.daysFor(CustomerLevel.NORMAL)).isEqualTo(30);
        assertThat(defaults.daysFor(CustomerLevel.MINOR)).isEqualTo(90);
        FollowUpSettings keyEvery3 = new FollowUpSettings(Map.of(CustomerLevel.KEY, 3), ZoneId.of("UTC"));
        assertThat(keyEvery3.daysFor(CustomerLevel.KEY)).isEqualTo(3);
        assertThat(keyEvery3.daysFor(CustomerLevel.MINOR)).isEqualTo(90);
        assertThatThrownBy(() -> new FollowUpSettings(Map.of(CustomerLevel.MINOR, 0), ZoneId.of("UTC")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

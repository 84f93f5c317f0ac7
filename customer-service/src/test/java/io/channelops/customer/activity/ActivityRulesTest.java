package io.channelops.customer.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelops.events.customer.ActivityLogged;
import io.channelops.platform.security.Ownership;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What logging an activity raises, and when its author may still correct it. */
class ActivityRulesTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Ownership CUSTOMERS_OWNER = new Ownership("u-rep-east1-a", "/hq/east/team-1");

    private static ActivityReport report(String nextStep, Integer duration, String outcome) {
        return new ActivityReport(ActivityType.VISIT, NOW.minusSeconds(3600), "Review", null, outcome, nextStep,
                duration, "Pudong", "Review", Set.of());
    }

    @Test
    void loggingRaisesActivityLoggedWithZeroAndEmptyForWhatWasNotReported() {
        Activity activity = Activity.log("c-1", report(null, null, null), "u-manager-east1", "/hq/east/team-1",
                CUSTOMERS_OWNER, null, NOW);
        assertThat(activity.raisedEvents()).containsExactly(new ActivityLogged(activity.id(), "c-1", "VISIT",
                NOW.minusSeconds(3600), "u-manager-east1", 0, "", NOW, "u-rep-east1-a", "/hq/east/team-1"));
        assertThat(activity.followUpTaskId()).isNull();
    }

    @Test
    void aFollowUpDateAsksForATaskOfTheLoggerNamedByTheActivity() {
        LocalDate on = LocalDate.of(2026, 3, 5);
        Activity activity = Activity.log("c-1", report("Send the price list", 90, "Good"), "u-rep-east1-b",
                "/hq/east/team-1", CUSTOMERS_OWNER, on, NOW);
        assertThat(activity.raisedEvents()).hasSize(2);
        FollowUpRequested request = (FollowUpRequested) activity.raisedEvents().stream()
                .filter(FollowUpRequested.class::isInstance).findFirst().orElseThrow();
        assertThat(request.taskId()).isEqualTo(activity.followUpTaskId());
        assertThat(request.title()).isEqualTo("Send the price list");
        assertThat(request.dueDate()).isEqualTo(on);
        assertThat(request.assigneeId()).isEqualTo("u-rep-east1-b");
        assertThat(request.activityId()).isEqualTo(activity.id());
    }

    @Test
    void onlyTheAuthorCorrectsAndOnlyOnTheBusinessDayItWasLogged() {
        Activity activity = Activity.log("c-1", report(null, null, null), "u-rep-east1-a", "/hq/east/team-1",
                CUSTOMERS_OWNER, null, Instant.parse("2026-03-02T15:00:00Z"));
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        assertThat(activity.correctableBy("u-rep-east1-a", Instant.parse("2026-03-02T15:59:00Z"), shanghai))
                .isTrue();
        // 16:00 UTC is midnight in Shanghai: a new business day there, still the same day in UTC
        assertThat(activity.correctableBy("u-rep-east1-a", Instant.parse("2026-03-02T16:00:00Z"), shanghai))
                .isFalse();
        assertThat(activity.correctableBy("u-rep-east1-a", Instant.parse("2026-03-02T16:00:00Z"), ZoneId.of("UTC")))
                .isTrue();
        assertThat(activity.correctableBy("u-manager-east1", Instant.parse("2026-03-02T15:30:00Z"), shanghai))
                .isFalse();
    }

    @Test
    void aCorrectionReplacesGivenTextsAndRemovesEmptiedOnes() {
        Activity activity = Activity.log("c-1", report("Call back", null, null), "u-rep-east1-a", "/hq", CUSTOMERS_OWNER,
                null, NOW);
        activity.correct("Better subject", null, "", null, "New purpose", NOW);
        assertThat(activity.subject()).isEqualTo("Better subject");
        assertThat(activity.nextStep()).isNull();
        assertThat(activity.location()).isEqualTo("Pudong");
        assertThat(activity.purpose()).isEqualTo("New purpose");
        assertThat(activity.correctedAt()).isEqualTo(NOW);
    }
}

package io.channelops.customer.servicecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.channelops.events.customer.CaseClosed;
import io.channelops.events.customer.CaseOpened;
import io.channelops.platform.security.Ownership;
import io.channelops.platform.web.ApiProblem;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.AbstractAggregateRoot;

/** The case's life cycle, its first-response rule and its SLA breaches, without Spring. */
class ServiceCaseTest {

    private static final Instant OPENED = Instant.parse("2026-10-05T01:00:00Z");
    private static final String OPENER = "u-rep";
    private static final String AGENT = "u-agent";
    private static final CaseSettings SETTINGS = new CaseSettings(null);

    private static ServiceCase open(CasePriority priority) {
        return ServiceCase.open("c-1", new ServiceCase.Details(CaseCategory.COMPLAINT, priority, "Subject",
                "Description", null), SETTINGS.of(priority), new Ownership(OPENER, "/hq/east/team-1"), OPENER, OPENED);
    }

    /** The events the case registered (Spring Data reads them the same way on save). */
    private static Collection<?> events(ServiceCase serviceCase) {
        try {
            Method events = AbstractAggregateRoot.class.getDeclaredMethod("domainEvents");
            events.setAccessible(true);
            return (Collection<?>) events.invoke(serviceCase);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String code(Runnable action) {
        try {
            action.run();
        } catch (ApiProblem problem) {
            return problem.code();
        }
        return "none";
    }

    @Test
    void deadlinesComeFromThePrioritysSla() {
        ServiceCase urgent = open(CasePriority.URGENT);
        assertThat(urgent.firstResponseDueAt()).isEqualTo(OPENED.plus(Duration.ofHours(1)));
        assertThat(urgent.resolutionDueAt()).isEqualTo(OPENED.plus(Duration.ofHours(8)));
        assertThat(events(urgent)).singleElement().isInstanceOf(CaseOpened.class);
        ServiceCase low = open(CasePriority.LOW);
        assertThat(low.firstResponseDueAt()).isEqualTo(OPENED.plus(Duration.ofDays(1)));
        assertThat(low.resolutionDueAt()).isEqualTo(OPENED.plus(Duration.ofDays(5)));
    }

    @Test
    void configuredSlasReplaceTheDefaultsOnlyWhereGiven() {
        CaseSettings settings = new CaseSettings(Map.of(CasePriority.HIGH,
                new CaseSettings.Sla(Duration.ofMinutes(30), null)));
        assertThat(settings.of(CasePriority.HIGH)).isEqualTo(new CaseSettings.Sla(Duration.ofMinutes(30),
                Duration.ofDays(1)));
        assertThat(settings.of(CasePriority.NORMAL)).isEqualTo(CaseSettings.DEFAULTS.get(CasePriority.NORMAL));
        assertThatThrownBy(() -> new CaseSettings.Sla(Duration.ZERO, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlySomeoneOtherThanTheOpenerGivesTheFirstResponse() {
        ServiceCase serviceCase = open(CasePriority.NORMAL);
        serviceCase.start(OPENER, OPENED.plusSeconds(60), null);
        serviceCase.comment("Looking into it", OPENER, OPENED.plusSeconds(120));
        serviceCase.assign(AGENT, "u-manager", OPENED.plusSeconds(180));
        assertThat(serviceCase.firstRespondedAt()).isNull();
        serviceCase.comment("Hello, we are on it", AGENT, OPENED.plusSeconds(240));
        assertThat(serviceCase.firstRespondedAt()).isEqualTo(OPENED.plusSeconds(240));
        serviceCase.resolve("Done", AGENT, OPENED.plusSeconds(300));
        assertThat(serviceCase.firstRespondedAt()).isEqualTo(OPENED.plusSeconds(240));
    }

    @Test
    void aCaseResolvedByItsOpenerAloneCountsAsAnsweredWhenResolved() {
        ServiceCase serviceCase = open(CasePriority.NORMAL);
        serviceCase.resolve("Answered on the phone", OPENER, OPENED.plusSeconds(90));
        assertThat(serviceCase.firstRespondedAt()).isEqualTo(OPENED.plusSeconds(90));
    }

    @Test
    void breachesAreLateOrMissingResponsesAndResolutions() {
        ServiceCase serviceCase = open(CasePriority.URGENT);
        Instant afterFirstDeadline = OPENED.plus(Duration.ofMinutes(61));
        assertThat(serviceCase.firstResponseBreached(OPENED.plus(Duration.ofMinutes(59)))).isFalse();
        assertThat(serviceCase.firstResponseBreached(afterFirstDeadline)).isTrue();
        serviceCase.start(AGENT, afterFirstDeadline, null);
        assertThat(serviceCase.firstResponseBreached(afterFirstDeadline)).as("answered late").isTrue();
        assertThat(serviceCase.resolutionBreached(OPENED.plus(Duration.ofHours(7)))).isFalse();
        assertThat(serviceCase.resolutionBreached(OPENED.plus(Duration.ofHours(9)))).isTrue();
        serviceCase.resolve("Fixed", AGENT, OPENED.plus(Duration.ofHours(2)));
        assertThat(serviceCase.resolutionBreached(OPENED.plus(Duration.ofDays(9)))).as("resolved in time").isFalse();
        serviceCase.reopen(OPENER, OPENED.plus(Duration.ofHours(9)), "Not fixed");
        assertThat(serviceCase.resolutionBreached(OPENED.plus(Duration.ofHours(9)))).as("unresolved again").isTrue();
        serviceCase.resolve("Fixed for good", AGENT, OPENED.plus(Duration.ofHours(10)));
        serviceCase.close(5, OPENER, OPENED.plus(Duration.ofHours(11)));
        CaseClosed closed = (CaseClosed) events(serviceCase).stream()
                .filter(CaseClosed.class::isInstance).findFirst().orElseThrow();
        assertThat(closed.resolutionSlaBreached()).isTrue();
        assertThat(closed.satisfactionScore()).isEqualTo(5);
        assertThat(closed.resolution()).isEqualTo("Fixed for good");
    }

    @Test
    void theStatusGuardsEveryAction() {
        ServiceCase serviceCase = open(CasePriority.NORMAL);
        assertThat(code(() -> serviceCase.close(null, OPENER, OPENED))).isEqualTo("ILLEGAL_STATE_TRANSITION");
        assertThat(code(() -> serviceCase.reopen(OPENER, OPENED, null))).isEqualTo("ILLEGAL_STATE_TRANSITION");
        serviceCase.start(AGENT, OPENED, null);
        assertThat(code(() -> serviceCase.start(AGENT, OPENED, null))).isEqualTo("ILLEGAL_STATE_TRANSITION");
        serviceCase.resolve("Done", AGENT, OPENED);
        assertThat(code(() -> serviceCase.close(6, OPENER, OPENED))).isEqualTo("INVALID_SATISFACTION_SCORE");
        assertThat(serviceCase.status()).isEqualTo(CaseStatus.RESOLVED);
        serviceCase.close(null, OPENER, OPENED);
        assertThat(serviceCase.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(code(() -> serviceCase.comment("Late", AGENT, OPENED))).isEqualTo("ILLEGAL_STATE_TRANSITION");
        assertThat(code(() -> serviceCase.assign(AGENT, "u-manager", OPENED))).isEqualTo("ILLEGAL_STATE_TRANSITION");
        assertThat(code(() -> serviceCase.reopen(OPENER, OPENED, null))).isEqualTo("ILLEGAL_STATE_TRANSITION");
    }
}

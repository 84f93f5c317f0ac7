package io.channelops.sales.opportunity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.channelops.events.sales.OpportunityLost;
import io.channelops.events.sales.OpportunityStageChanged;
import io.channelops.events.sales.OpportunityWon;
import io.channelops.platform.security.Ownership;
import io.channelops.platform.web.ApiProblem;
import io.channelops.sales.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The opportunity aggregate on its own: transitions, probabilities, history entries and events. */
class OpportunityTest {

    private static final Instant T0 = Instant.parse("2026-09-01T08:00:00Z");
    private static final PipelineStage PROSPECTING = new PipelineStage("PROSPECTING", "Prospecting", 10,
            StageKind.OPEN, 14, 10, T0);
    private static final PipelineStage PROPOSAL = new PipelineStage("PROPOSAL", "Proposal", 50, StageKind.OPEN, 21,
            30, T0);
    private static final PipelineStage WON = new PipelineStage("WON", "Won", 100, StageKind.WON, null, 90, T0);
    private static final PipelineStage LOST = new PipelineStage("LOST", "Lost", 0, StageKind.LOST, null, 95, T0);
    private static final LossReason PRICE = new LossReason("PRICE", "Price too high", 10, T0);

    private static Opportunity open(Integer probability) {
        Opportunity.Details details = new Opportunity.Details("Pumps", "cust-1", Money.of("1000.00", "CNY"),
                LocalDate.parse("2026-12-01"), List.of(), "Acme", probability, null);
        return Opportunity.open("opp-1", details, PROSPECTING, new Ownership("u-rep", "/hq/east/team-1"), "u-rep",
                T0).opportunity();
    }

    private static List<Object> events(Opportunity opportunity) {
        return opportunity.pendingEvents();
    }

    @Test
    void opensInItsStageWithTheStagesProbabilityAndAnnouncesTheEntry() {
        Opportunity.Details details = new Opportunity.Details("Pumps", "cust-1", Money.of("1000.00", "CNY"),
                LocalDate.parse("2026-12-01"), List.of(), null, null, null);
        Opportunity.Opened opened = Opportunity.open("opp-1", details, PROSPECTING,
                new Ownership("u-rep", "/hq/east/team-1"), "u-rep", T0);
        assertThat(opened.opportunity().probability(PROSPECTING)).isEqualTo(10);
        assertThat(opened.firstStage().fromStage()).isNull();
        assertThat(opened.firstStage().toStage()).isEqualTo("PROSPECTING");
        assertThat(events(opened.opportunity())).singleElement().isInstanceOfSatisfying(
                OpportunityStageChanged.class, e -> {
                    assertThat(e.fromStage()).isEmpty();
                    assertThat(e.toStage()).isEqualTo("PROSPECTING");
                    assertThat(e.probability()).isEqualTo(10);
                });
        assertThatThrownBy(() -> Opportunity.open("opp-2", details, WON, new Ownership("u-rep", "/hq"), "u-rep", T0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStageChangeCountsTheWholeDaysSpentAndReturnsToTheNewStagesDefaultProbability() {
        Opportunity opportunity = open(35);
        assertThat(opportunity.probability(PROSPECTING)).isEqualTo(35);
        StageChange change = opportunity.moveTo(PROPOSAL, null, "Sent", "u-mgr",
                T0.plus(Duration.ofDays(6)).plus(Duration.ofHours(23)));
        assertThat(change).isNotNull();
        assertThat(change.daysInFromStage()).isEqualTo(6);
        assertThat(change.fromStage()).isEqualTo("PROSPECTING");
        assertThat(change.probability()).isEqualTo(50);
        assertThat(change.changedBy()).isEqualTo("u-mgr");
        assertThat(opportunity.probability(PROPOSAL)).isEqualTo(50);
        assertThat(opportunity.probabilityOverride()).isNull();
        assertThat(opportunity.stageEnteredAt()).isEqualTo(T0.plus(Duration.ofDays(6)).plus(Duration.ofHours(23)));
        assertThat(opportunity.moveTo(PROPOSAL, 70, null, "u-mgr", T0.plus(Duration.ofDays(8)))).isNull();
        assertThat(opportunity.probability(PROPOSAL)).isEqualTo(70);
    }

    @Test
    void winningAndLosingCloseOnceAndRaiseTheirEvents() {
        Opportunity won = open(null);
        StageChange win = won.win(WON, "PO", "u-rep", T0.plus(Duration.ofHours(20)), ZoneId.of("Asia/Shanghai"));
        assertThat(win.toStage()).isEqualTo("WON");
        assertThat(won.status()).isEqualTo(OpportunityStatus.WON);
        assertThat(won.probability(WON)).isEqualTo(100);
        // 2026-09-02T04:00 in Shanghai
        assertThat(won.closedOn()).isEqualTo(LocalDate.parse("2026-09-02"));
        assertThat(events(won)).last().isInstanceOf(OpportunityWon.class);

        Opportunity lost = open(null);
        lost.lose(LOST, PRICE, null, null, "u-rep", T0, ZoneOffset.UTC);
        assertThat(lost.competitor()).isEqualTo("Acme");
        assertThat(lost.lossReason()).isEqualTo("PRICE");
        assertThat(events(lost)).last().isInstanceOfSatisfying(OpportunityLost.class,
                e -> assertThat(e.competitor()).isEqualTo("Acme"));

        assertThatThrownBy(() -> lost.win(WON, null, "u-rep", T0, ZoneOffset.UTC))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(p.code()).isEqualTo("ILLEGAL_STATE_TRANSITION");
                });
        assertThatThrownBy(() -> won.lose(LOST, PRICE, null, null, "u-rep", T0, ZoneOffset.UTC))
                .isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> won.moveTo(PROPOSAL, null, null, "u-rep", T0)).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> won.change("New", null, null, null, null, null, null, false, T0))
                .isInstanceOf(ApiProblem.class);
    }
}

package io.channelops.sales.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The scoring function against scores computed by hand. Decay is in points per full week (7 × 24 h) since the
 * condition was met or the signal occurred, towards 0 and never past it.
 */
class LeadScorerTest {

    /** A Monday, 09:00 UTC. */
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    static final RuleDefinition EMAIL_OPENED = RuleDefinition.behaviour("r1-email", "EMAIL_OPENED", 5, 1, 3);
    static final RuleDefinition DEMO = RuleDefinition.behaviour("r2-demo", "DEMO_REQUESTED", 30, 10, null);
    static final RuleDefinition BIG_BUDGET = RuleDefinition.field("r3-budget", RuleField.BUDGET,
            RuleOperator.AT_LEAST, 20, 0).withAmount(new BigDecimal("100000.00"), "CNY");
    static final RuleDefinition SOON = RuleDefinition.field("r4-soon", RuleField.TIMELINE,
            RuleOperator.WITHIN_MONTHS, 25, 5).withMonths(3);
    static final RuleDefinition UNSUBSCRIBED = RuleDefinition.behaviour("r5-unsub", "UNSUBSCRIBED", -15, 5, null);
    static final List<RuleDefinition> RULES = List.of(EMAIL_OPENED, DEMO, BIG_BUDGET, SOON, UNSUBSCRIBED);

    static final LeadScorer.Facts FACTS = new LeadScorer.Facts("WEB", "SPRING-2026", "EAST",
            new BigDecimal("150000.00"), "CNY", LocalDate.parse("2026-05-15"), "li.wei@acme.example", null,
            "Head of Purchasing");

    /** Both field conditions have held since T0. */
    static final Map<String, Instant> SINCE = Map.of("r3-budget", T0, "r4-soon", T0);

    static final List<LeadScorer.Signal> SIGNALS = List.of(
            signal("s1", "EMAIL_OPENED", 0),
            signal("s2", "email_opened", 1),
            signal("s3", "EMAIL_OPENED", 8),
            signal("s4", "EMAIL_OPENED", 15),
            signal("s5", "DEMO_REQUESTED", 10),
            signal("s6", "UNSUBSCRIBED", 2),
            signal("s7", "SITE_REVISIT", 3));

    static LeadScorer.Signal signal(String id, String type, int daysAfterT0) {
        return new LeadScorer.Signal(id, type, T0.plus(Duration.ofDays(daysAfterT0)));
    }

    /**
     * days after T0 → expected score. Worked out by hand:
     * <pre>
     *  day 0:  e-mail s1 5                         + budget 20 + timeline 25 (0 w)              = 50
     *  day 7:  e-mail s1 4 (1 w) + s2 5            + budget 20 + timeline 20 (1 w) − unsub 15   = 34
     *  day 16: e-mail s4 5 + s3 4 + s2 3 (cap 3, s1 dropped) + demo 30 + budget 20
     *          + timeline 15 (2 w) − unsub 5 (exactly 2 w: −15 + 10)                            = 72
     *  day 30: e-mail s4 3 + s3 2 + s2 1 + demo 10 (2 w) + budget 20 + timeline 5 (4 w)
     *          + unsub 0 (−15 + 20, capped at 0)                                                = 41
     *  day 80: 2026-05-21, past the expected purchase date: timeline no longer holds; every signal decayed to 0;
     *          budget 20                                                                        = 20
     * </pre>
     */
    @ParameterizedTest(name = "day {0} → {1}")
    @CsvSource({"0, 50", "7, 34", "16, 72", "30, 41", "80, 20"})
    void scoresMatchHandComputedValuesWithDecayAndCaps(int day, int expected) {
        Instant asOf = T0.plus(Duration.ofDays(day));
        LeadScorer.Result result = LeadScorer.score(RULES, FACTS, SINCE, SIGNALS, asOf);
        assertThat(result.score()).isEqualTo(expected);
    }

    @Test
    void contributionsNameEachRulesCurrentPoints() {
        LeadScorer.Result result = LeadScorer.score(RULES, FACTS, SINCE, SIGNALS, T0.plus(Duration.ofDays(16)));
        assertThat(result.contributions()).containsExactly(Map.entry("r1-email", 12), Map.entry("r2-demo", 30),
                Map.entry("r3-budget", 20), Map.entry("r4-soon", 15), Map.entry("r5-unsub", -5));
    }

    @Test
    void aWeekIsSevenFullDays() {
        assertThat(LeadScorer.fullWeeks(T0, T0.plus(Duration.ofDays(7)).minusSeconds(1))).isZero();
        assertThat(LeadScorer.fullWeeks(T0, T0.plus(Duration.ofDays(7)))).isEqualTo(1);
        assertThat(LeadScorer.fullWeeks(T0, T0.minusSeconds(60))).isZero();
        assertThat(LeadScorer.decayed(10, 3, T0, T0.plus(Duration.ofDays(21)))).isEqualTo(1);
        assertThat(LeadScorer.decayed(10, 3, T0, T0.plus(Duration.ofDays(28)))).isZero();
        assertThat(LeadScorer.decayed(-10, 3, T0, T0.plus(Duration.ofDays(14)))).isEqualTo(-4);
        assertThat(LeadScorer.decayed(-10, 3, T0, T0.plus(Duration.ofDays(28)))).isZero();
        assertThat(LeadScorer.decayed(10, 0, T0, T0.plus(Duration.ofDays(700)))).isEqualTo(10);
    }

    @Test
    void saysWhenTheScoreNextChangesWithTimeAlone() {
        // at T0 the next change is s2 (a signal dated one day later)
        assertThat(LeadScorer.score(RULES, FACTS, SINCE, SIGNALS, T0).nextChangeAt())
                .isEqualTo(T0.plus(Duration.ofDays(1)));
        // with every signal in the past, the next change after day 30 is the earliest weekly decay step still worth
        // something: the e-mails s2, s3, s4 step at day 36, the timeline (since T0) at day 35, the demo (day 10)
        // at day 31; the unsubscribe has already decayed to 0
        assertThat(LeadScorer.score(RULES, FACTS, SINCE, SIGNALS, T0.plus(Duration.ofDays(30))).nextChangeAt())
                .isEqualTo(T0.plus(Duration.ofDays(31)));
        // when everything has decayed and the timeline is past, nothing changes any more
        assertThat(LeadScorer.score(RULES, FACTS, SINCE, SIGNALS, T0.plus(Duration.ofDays(80))).nextChangeAt())
                .isNull();
    }

    @Test
    void aTimelineEntersItsWindowOnTheDayItComesWithinRange() {
        LeadScorer.Facts later = withExpected(LocalDate.parse("2026-08-20"));
        Instant asOf = T0;
        assertThat(LeadScorer.conditionsHolding(List.of(SOON), later, asOf)).isEmpty();
        // 2026-08-20 minus 3 months = 2026-05-20: from that day the date lies within 3 months
        Instant enters = Instant.parse("2026-05-20T00:00:00Z");
        assertThat(LeadScorer.score(List.of(SOON), later, Map.of(), List.of(), asOf).nextChangeAt())
                .isEqualTo(enters);
        assertThat(LeadScorer.conditionsHolding(List.of(SOON), later, enters)).containsExactly("r4-soon");
        assertThat(LeadScorer.conditionsHolding(List.of(SOON), later, enters.minusSeconds(1))).isEmpty();
    }

    @Test
    void conditionsKeepTheirStartWhileTheyHoldAndRestartAfterALapse() {
        Instant later = T0.plus(Duration.ofDays(10));
        Map<String, Instant> starts = LeadScorer.conditionStarts(RULES, FACTS, Map.of("r3-budget", T0), later);
        assertThat(starts).containsExactly(Map.entry("r3-budget", T0), Map.entry("r4-soon", later));

        LeadScorer.Facts noBudget = new LeadScorer.Facts("WEB", null, "EAST", null, null,
                LocalDate.parse("2026-05-15"), null, null, null);
        assertThat(LeadScorer.conditionStarts(RULES, noBudget, starts, later)).containsOnlyKeys("r4-soon");
    }

    @Test
    void fieldConditionsTestTheirField() {
        LocalDate today = LocalDate.parse("2026-03-02");
        assertThat(LeadScorer.holds(BIG_BUDGET, FACTS, today)).isTrue();
        LeadScorer.Facts usd = new LeadScorer.Facts("WEB", null, "EAST", new BigDecimal("150000.00"), "USD", null,
                null, null, null);
        assertThat(LeadScorer.holds(BIG_BUDGET, usd, today)).as("no exchange rates: another currency never counts")
                .isFalse();
        assertThat(LeadScorer.holds(field(RuleField.SOURCE, RuleOperator.IN, "web", "PARTNER"), FACTS, today))
                .isTrue();
        assertThat(LeadScorer.holds(field(RuleField.REGION, RuleOperator.IN, "WEST"), FACTS, today)).isFalse();
        assertThat(LeadScorer.holds(field(RuleField.CAMPAIGN, RuleOperator.IN, "spring-2026"), FACTS, today))
                .isTrue();
        assertThat(LeadScorer.holds(field(RuleField.CONTACT_EMAIL, RuleOperator.STATED), FACTS, today)).isTrue();
        assertThat(LeadScorer.holds(field(RuleField.CONTACT_PHONE, RuleOperator.STATED), FACTS, today)).isFalse();
        assertThat(LeadScorer.holds(field(RuleField.CONTACT_TITLE, RuleOperator.CONTAINS, "director", "head"), FACTS,
                today)).isTrue();
        assertThat(LeadScorer.holds(field(RuleField.CONTACT_TITLE, RuleOperator.CONTAINS, "CEO"), FACTS, today))
                .isFalse();
    }

    @Test
    void bandsFollowTheThresholds() {
        assertThat(Band.of(60, 60, 30)).isEqualTo(Band.HOT);
        assertThat(Band.of(59, 60, 30)).isEqualTo(Band.WARM);
        assertThat(Band.of(30, 60, 30)).isEqualTo(Band.WARM);
        assertThat(Band.of(29, 60, 30)).isEqualTo(Band.COLD);
        assertThat(Band.of(-5, 60, 30)).isEqualTo(Band.COLD);
    }

    private static RuleDefinition field(RuleField field, RuleOperator operator, String... values) {
        return RuleDefinition.field("f", field, operator, 10, 0).withValues(List.of(values));
    }

    private static LeadScorer.Facts withExpected(LocalDate expected) {
        return new LeadScorer.Facts(FACTS.source(), FACTS.campaign(), FACTS.regionCode(), FACTS.budgetAmount(),
                FACTS.budgetCurrency(), expected, FACTS.contactEmail(), FACTS.contactPhone(), FACTS.contactTitle());
    }
}

package io.channelops.sales.scoring;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The score of a lead as of an instant: a pure function of the rules, the lead's facts, since when each field
 * condition has held, the lead's signals and the instant. No clock, no database: the same inputs give the same
 * score, so decay is exact in tests.
 *
 * <p>Score = Σ current points of every rule:
 * <ul>
 *   <li>a FIELD rule whose condition holds at {@code asOf} contributes {@code decayed(points, since)}, where
 *       {@code since} is when the condition started to hold;</li>
 *   <li>a BEHAVIOUR rule contributes {@code decayed(points, occurredAt)} for each signal of its type that occurred
 *       at or before {@code asOf}, the most recent {@code maxCount} of them when capped;</li>
 *   <li>{@code decayed(p, t) = p − decayPerWeek × w} for a positive {@code p} (never below 0) and
 *       {@code p + decayPerWeek × w} for a negative one (never above 0), with {@code w} the number of full weeks
 *       (7 × 24 h) from {@code t} to {@code asOf}.</li>
 * </ul>
 * Dates (the timeline) are read in UTC.
 */
public final class LeadScorer {

    private static final Duration WEEK = Duration.ofDays(7);

    private LeadScorer() {
    }

    /**
     * The lead's fields a FIELD rule can test.
     *
     * @param budgetAmount null when no budget was stated
     * @param expectedPurchaseDate null when no timeline was stated
     */
    public record Facts(String source, @Nullable String campaign, String regionCode,
            @Nullable BigDecimal budgetAmount, @Nullable String budgetCurrency,
            @Nullable LocalDate expectedPurchaseDate, @Nullable String contactEmail, @Nullable String contactPhone,
            @Nullable String contactTitle) {
    }

    /** A behaviour signal: its type (upper case) and when it occurred. */
    public record Signal(String id, String type, Instant occurredAt) {
    }

    /**
     * The outcome.
     *
     * @param score the sum of every rule's current points
     * @param contributions each contributing rule's current points, by rule id
     * @param nextChangeAt the earliest instant after {@code asOf} at which the score may change with time alone (a
     *     decay step, a timeline entering or leaving its window, a signal dated later); null when it never will
     */
    public record Result(int score, Map<String, Integer> contributions, @Nullable Instant nextChangeAt) {
    }

    /** The ids of the FIELD rules whose condition holds for {@code facts} at {@code asOf}. */
    public static Set<String> conditionsHolding(List<RuleDefinition> rules, Facts facts, Instant asOf) {
        LocalDate today = LocalDate.ofInstant(asOf, ZoneOffset.UTC);
        Set<String> holding = new LinkedHashSet<>();
        for (RuleDefinition rule : rules) {
            if (rule.kind() == RuleKind.FIELD && holds(rule, facts, today)) {
                holding.add(rule.id());
            }
        }
        return holding;
    }

    /**
     * Since when each holding condition has held: those already in {@code previous} keep their start, new ones
     * start at {@code asOf}; conditions that no longer hold are dropped.
     */
    public static Map<String, Instant> conditionStarts(List<RuleDefinition> rules, Facts facts,
            Map<String, Instant> previous, Instant asOf) {
        Map<String, Instant> starts = new LinkedHashMap<>();
        for (String id : conditionsHolding(rules, facts, asOf)) {
            Instant since = previous.get(id);
            starts.put(id, since == null || since.isAfter(asOf) ? asOf : since);
        }
        return starts;
    }

    /**
     * The score as of {@code asOf}.
     *
     * @param conditionSince since when each FIELD condition has held (from {@link #conditionStarts}); a FIELD rule
     *     counts only when its condition holds at {@code asOf} and it has a start here
     */
    public static Result score(List<RuleDefinition> rules, Facts facts, Map<String, Instant> conditionSince,
            List<Signal> signals, Instant asOf) {
        LocalDate today = LocalDate.ofInstant(asOf, ZoneOffset.UTC);
        int total = 0;
        Map<String, Integer> contributions = new LinkedHashMap<>();
        Instant next = null;
        for (RuleDefinition rule : rules) {
            int points = 0;
            if (rule.kind() == RuleKind.FIELD) {
                Instant since = conditionSince.get(rule.id());
                boolean holds = holds(rule, facts, today);
                if (holds && since != null) {
                    points = decayed(rule.points(), rule.decayPerWeek(), since, asOf);
                    next = earliest(next, nextDecayStep(rule, since, asOf));
                }
                if (rule.field() == RuleField.TIMELINE && rule.operator() == RuleOperator.WITHIN_MONTHS) {
                    next = earliest(next, nextTimelineFlip(rule, facts, today, holds));
                }
            } else {
                for (Signal signal : counted(rule, signals, asOf)) {
                    points += decayed(rule.points(), rule.decayPerWeek(), signal.occurredAt(), asOf);
                    next = earliest(next, nextDecayStep(rule, signal.occurredAt(), asOf));
                }
                for (Signal signal : signals) {
                    if (matches(rule, signal) && signal.occurredAt().isAfter(asOf)) {
                        next = earliest(next, signal.occurredAt());
                    }
                }
            }
            if (points != 0) {
                contributions.put(rule.id(), points);
            }
            total += points;
        }
        return new Result(total, contributions, next);
    }

    /** {@code points} after {@code decayPerWeek} per full week from {@code since} to {@code asOf}, towards 0. */
    public static int decayed(int points, int decayPerWeek, Instant since, Instant asOf) {
        long weeks = fullWeeks(since, asOf);
        if (decayPerWeek <= 0 || weeks == 0) {
            return points;
        }
        long lost = Math.multiplyExact((long) decayPerWeek, weeks);
        if (points > 0) {
            return (int) Math.max(0, points - lost);
        }
        return (int) Math.min(0, points + lost);
    }

    /** Full weeks (7 × 24 h) from {@code since} to {@code asOf}; 0 when {@code asOf} is not after it. */
    public static long fullWeeks(Instant since, Instant asOf) {
        if (!asOf.isAfter(since)) {
            return 0;
        }
        return Duration.between(since, asOf).toSeconds() / WEEK.toSeconds();
    }

    /** Whether a FIELD rule's condition holds for {@code facts} on {@code today}. */
    static boolean holds(RuleDefinition rule, Facts facts, LocalDate today) {
        RuleField field = rule.field();
        RuleOperator operator = rule.operator();
        if (field == null || operator == null) {
            return false;
        }
        return switch (field) {
            case BUDGET -> facts.budgetAmount() != null && (operator == RuleOperator.STATED
                    || operator == RuleOperator.AT_LEAST && rule.amount() != null
                    && rule.currency() != null && rule.currency().equals(facts.budgetCurrency())
                    && facts.budgetAmount().compareTo(rule.amount()) >= 0);
            case TIMELINE -> facts.expectedPurchaseDate() != null && (operator == RuleOperator.STATED
                    || operator == RuleOperator.WITHIN_MONTHS && rule.months() != null
                    && !facts.expectedPurchaseDate().isBefore(today)
                    && !facts.expectedPurchaseDate().isAfter(today.plusMonths(rule.months())));
            case SOURCE -> in(facts.source(), rule.values());
            case REGION -> in(facts.regionCode(), rule.values());
            case CAMPAIGN -> facts.campaign() != null
                    && (operator == RuleOperator.STATED || in(facts.campaign(), rule.values()));
            case CONTACT_EMAIL -> stated(facts.contactEmail());
            case CONTACT_PHONE -> stated(facts.contactPhone());
            case CONTACT_TITLE -> stated(facts.contactTitle())
                    && (operator == RuleOperator.STATED || containsAny(facts.contactTitle(), rule.values()));
        };
    }

    private static List<Signal> counted(RuleDefinition rule, List<Signal> signals, Instant asOf) {
        List<Signal> matching = new ArrayList<>();
        for (Signal signal : signals) {
            if (matches(rule, signal) && !signal.occurredAt().isAfter(asOf)) {
                matching.add(signal);
            }
        }
        matching.sort(Comparator.comparing(Signal::occurredAt).reversed().thenComparing(Signal::id));
        Integer cap = rule.maxCount();
        return cap == null || matching.size() <= cap ? matching : matching.subList(0, cap);
    }

    private static boolean matches(RuleDefinition rule, Signal signal) {
        return rule.signalType() != null && rule.signalType().equalsIgnoreCase(signal.type());
    }

    private static @Nullable Instant nextDecayStep(RuleDefinition rule, Instant since, Instant asOf) {
        if (rule.decayPerWeek() <= 0 || decayed(rule.points(), rule.decayPerWeek(), since, asOf) == 0) {
            return null;
        }
        return since.plus(WEEK.multipliedBy(fullWeeks(since, asOf) + 1));
    }

    private static @Nullable Instant nextTimelineFlip(RuleDefinition rule, Facts facts, LocalDate today,
            boolean holds) {
        LocalDate expected = facts.expectedPurchaseDate();
        if (expected == null || rule.months() == null) {
            return null;
        }
        if (holds) {
            return startOf(expected.plusDays(1));
        }
        if (expected.isBefore(today)) {
            return null;
        }
        LocalDate enters = expected.minusMonths(rule.months());
        while (enters.plusMonths(rule.months()).isBefore(expected)) {
            enters = enters.plusDays(1);
        }
        return enters.isAfter(today) ? startOf(enters) : null;
    }

    private static Instant startOf(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static @Nullable Instant earliest(@Nullable Instant a, @Nullable Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    private static boolean in(String value, List<String> values) {
        for (String candidate : values) {
            if (candidate.equalsIgnoreCase(value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean stated(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    private static boolean containsAny(String text, List<String> words) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String word : words) {
            if (!word.isBlank() && lower.contains(word.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}

package io.channelops.sales.scoring;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a scoring rule says, as the scorer reads it.
 *
 * @param kind FIELD (a condition on the lead) or BEHAVIOUR (each signal of {@code signalType})
 * @param points added while the condition holds, or per counted signal; may be negative
 * @param decayPerWeek points the rule's contribution loses per full week since the condition was met or the signal
 *     occurred; a positive contribution never goes below 0, a negative one never above 0; 0 = no decay
 * @param maxCount a BEHAVIOUR rule counts at most this many signals (the most recent ones); null = no cap
 */
public record RuleDefinition(String id, RuleKind kind, @Nullable RuleField field, @Nullable RuleOperator operator,
        @Nullable BigDecimal amount, @Nullable String currency, @Nullable Integer months, List<String> values,
        @Nullable String signalType, int points, int decayPerWeek, @Nullable Integer maxCount) {

    public RuleDefinition {
        values = List.copyOf(values);
    }

    /** A FIELD rule. */
    public static RuleDefinition field(String id, RuleField field, RuleOperator operator, int points, int decayPerWeek) {
        return new RuleDefinition(id, RuleKind.FIELD, field, operator, null, null, null, List.of(), null, points,
                decayPerWeek, null);
    }

    /** A BEHAVIOUR rule. */
    public static RuleDefinition behaviour(String id, String signalType, int points, int decayPerWeek,
            @Nullable Integer maxCount) {
        return new RuleDefinition(id, RuleKind.BEHAVIOUR, null, null, null, null, null, List.of(),
                signalType, points, decayPerWeek, maxCount);
    }

    public RuleDefinition withAmount(BigDecimal newAmount, String newCurrency) {
        return new RuleDefinition(id, kind, field, operator, newAmount, newCurrency, months, values, signalType,
                points, decayPerWeek, maxCount);
    }

    public RuleDefinition withMonths(int newMonths) {
        return new RuleDefinition(id, kind, field, operator, amount, currency, newMonths, values, signalType,
                points, decayPerWeek, maxCount);
    }

    public RuleDefinition withValues(List<String> newValues) {
        return new RuleDefinition(id, kind, field, operator, amount, currency, months, newValues, signalType,
                points, decayPerWeek, maxCount);
    }
}

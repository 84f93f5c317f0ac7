package io.channelops.sales.scoring.web;

import io.channelops.sales.scoring.RuleDefinition;
import io.channelops.sales.scoring.RuleField;
import io.channelops.sales.scoring.RuleKind;
import io.channelops.sales.scoring.RuleOperator;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A scoring rule. FIELD: {@code field} + {@code operator} (+ {@code amount}, {@code months} or {@code values} as the
 * operator needs): BUDGET STATED | AT_LEAST amount; TIMELINE STATED | WITHIN_MONTHS months; SOURCE IN values; REGION
 * IN values; CAMPAIGN STATED | IN values; CONTACT_EMAIL STATED; CONTACT_PHONE STATED; CONTACT_TITLE STATED |
 * CONTAINS values. BEHAVIOUR: {@code signalType} (+ {@code maxCount}). Points may be negative;
 * {@code decayPerWeek} points are lost per full week since the condition was met or the signal occurred (towards 0,
 * never past it).
 */
@Schema(example = """
        {"name": "Demo requested", "kind": "BEHAVIOUR", "signalType": "DEMO_REQUESTED", "points": 30,
         "decayPerWeek": 5, "maxCount": 2}""",
        examples = {"""
        {"name": "Budget of 100k CNY or more", "kind": "FIELD", "field": "BUDGET", "operator": "AT_LEAST",
         "amount": {"amount": 100000.00, "currency": "CNY"}, "points": 20}""", """
        {"name": "Buying within 3 months", "kind": "FIELD", "field": "TIMELINE", "operator": "WITHIN_MONTHS",
         "months": 3, "points": 25, "decayPerWeek": 2}"""})
public record ScoringRuleRequest(
        @NotBlank @Size(max = 100) String name,
        @NotNull RuleKind kind,
        @Nullable RuleField field,
        @Nullable RuleOperator operator,
        @Nullable @Valid Amount amount,
        @Nullable @Min(0) @Max(120) Integer months,
        @Nullable @Size(max = 50) List<@NotBlank @Size(max = 100) String> values,
        @Nullable @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}") String signalType,
        @NotNull @Min(-1000) @Max(1000) Integer points,
        @Nullable @Min(0) @Max(1000) Integer decayPerWeek,
        @Nullable @Min(1) @Max(10000) Integer maxCount,
        @Nullable Boolean active) {

    /** An amount for BUDGET AT_LEAST. */
    @Schema(example = """
            {"amount": 100000.00, "currency": "CNY"}""")
    public record Amount(@NotNull @DecimalMin("0.00") @Digits(integer = 15, fraction = 2) BigDecimal amount,
            @NotNull @Pattern(regexp = "[A-Z]{3}") String currency) {
    }

    RuleDefinition toDefinition() {
        return new RuleDefinition("", kind, field, operator, amount == null ? null : amount.amount(),
                amount == null ? null : amount.currency(), months, values == null ? List.of() : values, signalType,
                points, decayPerWeek == null ? 0 : decayPerWeek, maxCount);
    }

    boolean activeOrDefault() {
        return active == null || active;
    }
}

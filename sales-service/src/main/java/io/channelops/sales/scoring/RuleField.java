package io.channelops.sales.scoring;

import java.util.Set;

/** The lead field a FIELD rule looks at, and the operators that make sense for it. */
public enum RuleField {
    /** The stated budget: {@code STATED}, or {@code AT_LEAST} an amount in the same currency. */
    BUDGET(Set.of(RuleOperator.STATED, RuleOperator.AT_LEAST)),
    /** The expected purchase date: {@code WITHIN_MONTHS} n from the scoring date (today up to today + n months). */
    TIMELINE(Set.of(RuleOperator.STATED, RuleOperator.WITHIN_MONTHS)),
    /** The lead source: {@code IN} a list. */
    SOURCE(Set.of(RuleOperator.IN)),
    /** The region code: {@code IN} a list. */
    REGION(Set.of(RuleOperator.IN)),
    /** The campaign: {@code STATED} or {@code IN} a list. */
    CAMPAIGN(Set.of(RuleOperator.STATED, RuleOperator.IN)),
    /** The contact's e-mail: {@code STATED}. */
    CONTACT_EMAIL(Set.of(RuleOperator.STATED)),
    /** The contact's phone: {@code STATED}. */
    CONTACT_PHONE(Set.of(RuleOperator.STATED)),
    /** The contact's title: {@code STATED}, or {@code CONTAINS} any of the words in a list (case-insensitive). */
    CONTACT_TITLE(Set.of(RuleOperator.STATED, RuleOperator.CONTAINS));

    private final Set<RuleOperator> operators;

    RuleField(Set<RuleOperator> operators) {
        this.operators = operators;
    }

    public Set<RuleOperator> operators() {
        return operators;
    }
}

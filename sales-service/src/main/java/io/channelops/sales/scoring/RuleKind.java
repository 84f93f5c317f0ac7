package io.channelops.sales.scoring;

/** A rule scores either a condition on the lead's fields or each behaviour signal of one type. */
public enum RuleKind {
    FIELD, BEHAVIOUR
}

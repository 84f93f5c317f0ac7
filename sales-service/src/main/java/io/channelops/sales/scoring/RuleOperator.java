package io.channelops.sales.scoring;

/** How a FIELD rule tests its field. */
public enum RuleOperator {
    /** The field has a value. */
    STATED,
    /** The budget is at least {@code amount} in {@code currency}. */
    AT_LEAST,
    /** The expected purchase date lies between the scoring date and {@code months} months later. */
    WITHIN_MONTHS,
    /** The field's value is one of {@code values} (case-insensitive). */
    IN,
    /** The field contains one of {@code values} (case-insensitive). */
    CONTAINS
}

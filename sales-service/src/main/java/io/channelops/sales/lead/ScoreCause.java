package io.channelops.sales.lead;

/** Why a lead's score or band changed, as the score history names it. */
public enum ScoreCause {
    /** The lead was captured. */
    CREATED,
    /** A field a rule tests changed. */
    FIELDS_CHANGED,
    /** A behaviour signal arrived. */
    SIGNAL,
    /** Rules or band thresholds changed (background rescore). */
    RULES_CHANGED,
    /** Time alone: a decay step, or a timeline entering or leaving a rule's window (scheduled refresh). */
    TIME_PASSED
}

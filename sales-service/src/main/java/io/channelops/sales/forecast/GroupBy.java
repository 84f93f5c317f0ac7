package io.channelops.sales.forecast;

import io.channelops.platform.web.ApiProblem;
import java.util.Locale;

/** How forecast rows are keyed: by owner rep, by team or by region (parts of the owner's org path). */
public enum GroupBy {
    REP, TEAM, REGION;

    /** {@code rep}, {@code team} or {@code region}, in any case; 400 {@code INVALID_PARAMETER} otherwise. */
    public static GroupBy parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            throw ApiProblem.badRequest("INVALID_PARAMETER", "groupBy must be rep, team or region", "groupBy");
        }
    }
}

package io.channelops.sales.scoring;

/** How warm a lead is, from its score and the configured thresholds. */
public enum Band {
    HOT, WARM, COLD;

    /** HOT at or above {@code hot}, WARM at or above {@code warm}, else COLD. */
    public static Band of(int score, int hot, int warm) {
        if (score >= hot) {
            return HOT;
        }
        return score >= warm ? WARM : COLD;
    }
}

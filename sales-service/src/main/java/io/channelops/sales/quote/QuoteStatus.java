package io.channelops.sales.quote;

/**
 * Where one version of a quote is in its life:
 * <pre>
 * DRAFT ─submit─▶ APPROVED (no line below its floor, total discount within the submitter's limit)
 *             └─▶ PENDING_APPROVAL ─approve─▶ APPROVED
 *                                  └─reject──▶ REJECTED
 * APPROVED ─send─▶ SENT ─accept─▶ ACCEPTED
 *                       └decline▶ DECLINED
 * APPROVED | SENT ─decline─▶ DECLINED
 * APPROVED | SENT past their validity ─▶ EXPIRED
 * PENDING_APPROVAL | APPROVED | REJECTED | SENT | DECLINED | EXPIRED ─revise─▶ SUPERSEDED (+ the next version in DRAFT)
 * </pre>
 */
public enum QuoteStatus {
    DRAFT, PENDING_APPROVAL, APPROVED, REJECTED, SENT, ACCEPTED, DECLINED, EXPIRED, SUPERSEDED;

    /** Whether an offer in this state lapses when its validity has passed. */
    public boolean expires() {
        return this == APPROVED || this == SENT;
    }
}

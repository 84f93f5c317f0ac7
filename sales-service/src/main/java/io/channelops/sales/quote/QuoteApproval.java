package io.channelops.sales.quote;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a quote version's approval record: who asked for, gave or refused the approval, when and why.
 *
 * @param reasons why an approval was needed, comma-separated {@link ApprovalReason}s; null when none was
 * @param discountPercent the quote's total discount at that moment
 * @param discountLimit the submitter's discount limit (on submit entries); null on a manager's decision
 * @param note the manager's note (why they approved or rejected)
 */
@Embeddable
public record QuoteApproval(
        @Enumerated(EnumType.STRING) @Column(name = "decision", nullable = false, length = 20)
        ApprovalDecision decision,
        @Column(name = "decided_by", nullable = false, length = 64) String decidedBy,
        @Column(name = "decided_at", nullable = false) Instant decidedAt,
        @Column(name = "reasons", length = 200) @Nullable String reasons,
        @Column(name = "discount_percent", nullable = false, precision = 19, scale = 2) BigDecimal discountPercent,
        @Column(name = "discount_limit", precision = 5, scale = 2) @Nullable BigDecimal discountLimit,
        @Column(name = "note", length = 2000) @Nullable String note) {
}

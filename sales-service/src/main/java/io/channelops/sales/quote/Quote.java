package io.channelops.sales.quote;

import io.channelops.events.sales.QuoteAccepted;
import io.channelops.platform.persistence.AggregateRoot;
import io.channelops.platform.security.Ownership;
import io.channelops.platform.web.ApiProblem;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * One version of a quote: an offer to a customer, line by line, valid until a date. Owned like every business record:
 * its {@link Ownership} (owner rep and org path, the opportunity's when it was made from one) decides who sees it and
 * is set by the server only. The versions of one quote share its number ({@code Q-2026-000123}) and ownership.
 *
 * <p>The aggregate guards its life cycle ({@link QuoteStatus}): lines, validity, notes and terms change only in
 * {@code DRAFT}; submitting decides whether a manager must approve (a line below its floor price, or a total discount
 * over the submitter's limit); only an approved and sent quote can be accepted, and only within its validity. An
 * action its state does not allow answers 409 {@code ILLEGAL_STATE_TRANSITION}; accepting a quote that was never
 * approved 422 {@code QUOTE_NOT_APPROVED}. Every submit, approval and rejection is kept as a {@link QuoteApproval}
 * with who, when and why. Accepting registers {@link QuoteAccepted}.
 */
@Entity
@Table(name = "quotes")
public class Quote extends AggregateRoot<Quote> {

    public static final int MAX_LINES = 200;
    public static final int MAX_TEXT_LENGTH = 4000;
    public static final int MAX_NOTE_LENGTH = 2000;
    private static final Set<QuoteStatus> REVISABLE = EnumSet.of(QuoteStatus.PENDING_APPROVAL, QuoteStatus.APPROVED,
            QuoteStatus.REJECTED, QuoteStatus.SENT, QuoteStatus.DECLINED, QuoteStatus.EXPIRED);
    private static final Set<QuoteStatus> NEVER_APPROVED = EnumSet.of(QuoteStatus.DRAFT,
            QuoteStatus.PENDING_APPROVAL, QuoteStatus.REJECTED);

    @Id
    private String id;

    @Column(name = "quote_number", nullable = false, length = 20)
    private String number;

    @Column(name = "quote_version", nullable = false)
    private int quoteVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private QuoteStatus status;

    @Column(name = "customer_id", nullable = false, length = 64)
    private String customerId;

    @Column(name = "opportunity_id", length = 36)
    private @Nullable String opportunityId;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(nullable = false, length = 3)
    private String currency;

    @Column(name = "quote_date", nullable = false)
    private LocalDate quoteDate;

    @Column(name = "valid_until", nullable = false)
    private LocalDate validUntil;

    @Column(length = MAX_TEXT_LENGTH)
    private @Nullable String notes;

    @Column(length = MAX_TEXT_LENGTH)
    private @Nullable String terms;

    @Column(name = "list_total", nullable = false, precision = 19, scale = 2)
    private BigDecimal listTotal;

    @Column(name = "net_total", nullable = false, precision = 19, scale = 2)
    private BigDecimal netTotal;

    @Column(name = "vat_total", nullable = false, precision = 19, scale = 2)
    private BigDecimal vatTotal;

    @Column(name = "gross_total", nullable = false, precision = 19, scale = 2)
    private BigDecimal grossTotal;

    @Column(name = "discount_percent", nullable = false, precision = 19, scale = 2)
    private BigDecimal discountPercent;

    @Column(name = "approval_reasons", length = 200)
    private @Nullable String approvalReasons;

    @Column(name = "submitted_by", length = 64)
    private @Nullable String submittedBy;

    @Column(name = "submitted_at")
    private @Nullable Instant submittedAt;

    @Column(name = "sent_at")
    private @Nullable Instant sentAt;

    @Column(name = "accepted_at")
    private @Nullable Instant acceptedAt;

    @Column(name = "declined_at")
    private @Nullable Instant declinedAt;

    @Column(name = "decline_reason", length = MAX_NOTE_LENGTH)
    private @Nullable String declineReason;

    @Column(name = "expired_at")
    private @Nullable Instant expiredAt;

    @Column(name = "superseded_at")
    private @Nullable Instant supersededAt;

    @Column(name = "superseded_by", length = 36)
    private @Nullable String supersededBy;

    @Column(name = "revised_from", length = 36)
    private @Nullable String revisedFrom;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "quote_lines", joinColumns = @JoinColumn(name = "quote_id"))
    @OrderColumn(name = "line_no")
    @BatchSize(size = 50)
    private List<QuoteLine> lines = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "quote_approvals", joinColumns = @JoinColumn(name = "quote_id"))
    @OrderColumn(name = "seq")
    @BatchSize(size = 50)
    private List<QuoteApproval> approvals = new ArrayList<>();

    @Embedded
    private Ownership ownership;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Quote() {
        // for JPA
        this.id = "";
        this.number = "";
        this.status = QuoteStatus.DRAFT;
        this.customerId = "";
        this.currency = "";
        this.quoteDate = LocalDate.EPOCH;
        this.validUntil = LocalDate.EPOCH;
        this.listTotal = BigDecimal.ZERO;
        this.netTotal = BigDecimal.ZERO;
        this.vatTotal = BigDecimal.ZERO;
        this.grossTotal = BigDecimal.ZERO;
        this.discountPercent = BigDecimal.ZERO;
        this.ownership = new Ownership("system", "/hq");
        this.createdBy = "";
        this.createdAt = Instant.EPOCH;
        this.updatedAt = Instant.EPOCH;
    }

    /** What a new quote version is about. */
    record Header(String customerId, @Nullable String opportunityId, String currency, LocalDate quoteDate,
            LocalDate validUntil, @Nullable String notes, @Nullable String terms) {
    }

    /** A new quote (version 1) in {@code DRAFT}. */
    static Quote draft(String id, String number, Header header, List<QuoteLine> lines, Ownership ownership,
            String createdBy, Instant now) {
        return draft(id, number, 1, header, lines, ownership, createdBy, now, null);
    }

    private static Quote draft(String id, String number, int quoteVersion, Header header, List<QuoteLine> lines,
            Ownership ownership, String createdBy, Instant now, @Nullable String revisedFrom) {
        Quote quote = new Quote();
        quote.id = id;
        quote.number = number;
        quote.quoteVersion = quoteVersion;
        quote.status = QuoteStatus.DRAFT;
        quote.customerId = header.customerId();
        quote.opportunityId = header.opportunityId();
        quote.currency = header.currency();
        quote.quoteDate = header.quoteDate();
        quote.validity(header.validUntil());
        quote.notes = header.notes();
        quote.terms = header.terms();
        quote.ownership = ownership;
        quote.createdBy = createdBy;
        quote.createdAt = now;
        quote.updatedAt = now;
        quote.revisedFrom = revisedFrom;
        quote.replaceLines(lines);
        return quote;
    }

    // --- DRAFT changes -------------------------------------------------------------------------------------------

    /** Replaces every line (already priced) and recomputes the totals. Only in {@code DRAFT}. */
    void changeLines(List<QuoteLine> newLines, Instant now) {
        require("change the lines of", QuoteStatus.DRAFT);
        replaceLines(newLines);
        updatedAt = now;
    }

    /**
     * Changes the validity, notes and terms: null leaves a value as it is, an empty text clears it. Only in
     * {@code DRAFT}.
     */
    void changeTerms(@Nullable LocalDate newValidUntil, @Nullable String newNotes, @Nullable String newTerms,
            Instant now) {
        require("change", QuoteStatus.DRAFT);
        if (newValidUntil != null) {
            validity(newValidUntil);
        }
        if (newNotes != null) {
            notes = newNotes.isBlank() ? null : newNotes.strip();
        }
        if (newTerms != null) {
            terms = newTerms.isBlank() ? null : newTerms.strip();
        }
        updatedAt = now;
    }

    // --- approval ------------------------------------------------------------------------------------------------

    /**
     * Submits the draft: {@code APPROVED} at once when no line is below its floor price and the total discount is
     * within {@code discountLimit} percent, else {@code PENDING_APPROVAL} for a manager. The decision is recorded.
     */
    void submit(String by, BigDecimal discountLimit, LocalDate today, Instant now) {
        require("submit", QuoteStatus.DRAFT);
        if (lines.isEmpty()) {
            throw ApiProblem.unprocessable("QUOTE_EMPTY", "Quote " + number + " has no lines; add at least one "
                    + "before submitting it", number);
        }
        if (validUntil.isBefore(today)) {
            throw ApiProblem.unprocessable("QUOTE_VALIDITY_PASSED", "Quote " + number + " was valid until "
                    + validUntil + "; set a later validUntil before submitting it", number, validUntil);
        }
        List<ApprovalReason> reasons = approvalReasons(discountLimit);
        submittedBy = by;
        submittedAt = now;
        updatedAt = now;
        if (reasons.isEmpty()) {
            status = QuoteStatus.APPROVED;
            approvalReasons = null;
            approvals.add(new QuoteApproval(ApprovalDecision.AUTO_APPROVED, by, now, null, discountPercent,
                    discountLimit, null));
        } else {
            status = QuoteStatus.PENDING_APPROVAL;
            approvalReasons = reasons.stream().map(Enum::name).collect(Collectors.joining(","));
            approvals.add(new QuoteApproval(ApprovalDecision.REQUESTED, by, now, approvalReasons, discountPercent,
                    discountLimit, null));
        }
    }

    /** Why this quote, submitted by someone with {@code discountLimit}, needs a manager's approval; empty: none. */
    List<ApprovalReason> approvalReasons(BigDecimal discountLimit) {
        List<ApprovalReason> reasons = new ArrayList<>();
        if (lines.stream().anyMatch(QuoteLine::belowFloor)) {
            reasons.add(ApprovalReason.BELOW_FLOOR);
        }
        // exact comparison: (list − net) × 100 > limit × list
        if (listTotal.subtract(netTotal).multiply(QuoteLine.HUNDRED)
                .compareTo(discountLimit.multiply(listTotal)) > 0) {
            reasons.add(ApprovalReason.DISCOUNT_OVER_LIMIT);
        }
        return reasons;
    }

    /** A manager approves the pending quote; the submitter cannot approve their own quote (422). */
    void approve(String by, @Nullable String note, Instant now) {
        decide("approve", by, now);
        status = QuoteStatus.APPROVED;
        approvals.add(new QuoteApproval(ApprovalDecision.APPROVED, by, now, approvalReasons, discountPercent, null,
                note));
    }

    /** A manager refuses the pending quote, saying why; the submitter cannot reject their own quote (422). */
    void reject(String by, String note, Instant now) {
        decide("reject", by, now);
        status = QuoteStatus.REJECTED;
        approvals.add(new QuoteApproval(ApprovalDecision.REJECTED, by, now, approvalReasons, discountPercent, null,
                note));
    }

    private void decide(String action, String by, Instant now) {
        require(action, QuoteStatus.PENDING_APPROVAL);
        if (by.equals(submittedBy)) {
            throw ApiProblem.unprocessable("SAME_PERSON_STEP", "You submitted quote " + number
                    + "; another manager must " + action + " it", number, action);
        }
        updatedAt = now;
    }

    // --- with the customer ---------------------------------------------------------------------------------------

    /** Sends the approved quote to the customer. */
    void send(Instant now) {
        require("send", QuoteStatus.APPROVED);
        status = QuoteStatus.SENT;
        sentAt = now;
        updatedAt = now;
    }

    /**
     * The customer accepts the sent quote within its validity: {@code ACCEPTED}, raising {@link QuoteAccepted}. A
     * quote that was never approved answers 422 {@code QUOTE_NOT_APPROVED}, an expired one 422
     * {@code QUOTE_EXPIRED}.
     */
    void accept(LocalDate today, Instant now) {
        if (NEVER_APPROVED.contains(status)) {
            throw ApiProblem.unprocessable("QUOTE_NOT_APPROVED", "Quote " + number + " version " + quoteVersion
                    + " is " + status + ": only an approved quote that was sent can be accepted", number,
                    quoteVersion, status);
        }
        if (status == QuoteStatus.EXPIRED || (status.expires() && validUntil.isBefore(today))) {
            throw expiredProblem();
        }
        require("accept", QuoteStatus.SENT);
        status = QuoteStatus.ACCEPTED;
        acceptedAt = now;
        updatedAt = now;
        registerEvent(new QuoteAccepted(id, number, quoteVersion, customerId,
                opportunityId == null ? "" : opportunityId, eventLines(),
                new io.channelops.events.Money(netTotal, currency), validUntil, now, ownership.ownerId(),
                ownership.orgPath()));
    }

    ApiProblem expiredProblem() {
        return ApiProblem.unprocessable("QUOTE_EXPIRED", "Quote " + number + " version " + quoteVersion
                + " was valid until " + validUntil + "; revise it to make a new offer", number, quoteVersion,
                validUntil);
    }

    /** The customer declines the offer, saying why. */
    void decline(String reason, Instant now) {
        require("decline", QuoteStatus.APPROVED, QuoteStatus.SENT);
        status = QuoteStatus.DECLINED;
        declineReason = reason;
        declinedAt = now;
        updatedAt = now;
    }

    /**
     * An approved or sent offer whose validity ended before {@code today} lapses: {@code EXPIRED}.
     *
     * @return whether it expired now
     */
    boolean expireIfDue(LocalDate today, Instant now) {
        if (!status.expires() || !validUntil.isBefore(today)) {
            return false;
        }
        status = QuoteStatus.EXPIRED;
        expiredAt = now;
        updatedAt = now;
        return true;
    }

    // --- versions ------------------------------------------------------------------------------------------------

    /**
     * Revises this version: it becomes {@code SUPERSEDED} and the next version, with the same number, customer,
     * opportunity, currency, notes, terms and owner and the given (re-priced) lines, starts in {@code DRAFT} on
     * {@code header}'s quote date and validity.
     */
    Quote revise(String newId, LocalDate quoteDate, LocalDate newValidUntil, List<QuoteLine> repriced, String by,
            Instant now) {
        require("revise", REVISABLE.toArray(QuoteStatus[]::new));
        Quote next = draft(newId, number, quoteVersion + 1, new Header(customerId, opportunityId, currency,
                quoteDate, newValidUntil, notes, terms), repriced, ownership, by, now, id);
        status = QuoteStatus.SUPERSEDED;
        supersededAt = now;
        supersededBy = newId;
        updatedAt = now;
        return next;
    }

    /** Whether this version can be revised now. */
    boolean revisable() {
        return REVISABLE.contains(status);
    }

    // --- internals -----------------------------------------------------------------------------------------------

    private void replaceLines(List<QuoteLine> newLines) {
        if (newLines.size() > MAX_LINES) {
            throw new IllegalArgumentException("A quote has at most " + MAX_LINES + " lines");
        }
        lines.clear();
        lines.addAll(newLines);
        listTotal = sum(newLines.stream().map(QuoteLine::listAmount).toList());
        netTotal = sum(newLines.stream().map(QuoteLine::netAmount).toList());
        vatTotal = sum(newLines.stream().map(QuoteLine::vatAmount).toList());
        grossTotal = netTotal.add(vatTotal);
        discountPercent = listTotal.signum() == 0 ? BigDecimal.ZERO.setScale(2)
                : listTotal.subtract(netTotal).multiply(QuoteLine.HUNDRED).divide(listTotal, 2, RoundingMode.HALF_UP);
    }

    private void validity(LocalDate newValidUntil) {
        if (newValidUntil.isBefore(quoteDate)) {
            throw ApiProblem.unprocessable("QUOTE_VALIDITY", "validUntil " + newValidUntil
                    + " is before the quote date " + quoteDate, newValidUntil, quoteDate);
        }
        validUntil = newValidUntil;
    }

    private static BigDecimal sum(List<BigDecimal> amounts) {
        return amounts.stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    private void require(String action, QuoteStatus... allowed) {
        if (!Arrays.asList(allowed).contains(status)) {
            throw ApiProblem.illegalTransition("quote", id, status, action);
        }
    }

    private List<io.channelops.events.sales.QuoteLine> eventLines() {
        return IntStream.range(0, lines.size()).mapToObj(i -> {
            QuoteLine line = lines.get(i);
            return new io.channelops.events.sales.QuoteLine(i + 1, line.productId(), line.sku(), line.quantity(),
                    line.unitPrice(), line.listUnitPrice());
        }).toList();
    }

    /** Events registered and not yet published (for tests of the rules). */
    List<Object> registeredEvents() {
        return List.copyOf(domainEvents());
    }

    @Override
    public String getId() {
        return id;
    }

    public String id() {
        return id;
    }

    /** The quote number all versions share: {@code Q-2026-000123}. */
    public String number() {
        return number;
    }

    /** 1 for the first version, +1 for every revision. */
    public int quoteVersion() {
        return quoteVersion;
    }

    public QuoteStatus status() {
        return status;
    }

    public String customerId() {
        return customerId;
    }

    public @Nullable String opportunityId() {
        return opportunityId;
    }

    public String currency() {
        return currency;
    }

    public LocalDate quoteDate() {
        return quoteDate;
    }

    public LocalDate validUntil() {
        return validUntil;
    }

    public @Nullable String notes() {
        return notes;
    }

    public @Nullable String terms() {
        return terms;
    }

    /** Σ list unit price × quantity. */
    public BigDecimal listTotal() {
        return listTotal;
    }

    /** Σ agreed unit price × quantity, without VAT. */
    public BigDecimal netTotal() {
        return netTotal;
    }

    public BigDecimal vatTotal() {
        return vatTotal;
    }

    public BigDecimal grossTotal() {
        return grossTotal;
    }

    /** (list total − net total) / list total × 100, to 2 places. */
    public BigDecimal discountPercent() {
        return discountPercent;
    }

    /** Why the last submit needed a manager's approval; empty when it did not (or was not submitted). */
    public List<ApprovalReason> approvalReasons() {
        return approvalReasons == null ? List.of() : Arrays.stream(approvalReasons.split(","))
                .map(ApprovalReason::valueOf).toList();
    }

    public @Nullable String submittedBy() {
        return submittedBy;
    }

    public @Nullable Instant submittedAt() {
        return submittedAt;
    }

    public @Nullable Instant sentAt() {
        return sentAt;
    }

    public @Nullable Instant acceptedAt() {
        return acceptedAt;
    }

    public @Nullable Instant declinedAt() {
        return declinedAt;
    }

    public @Nullable String declineReason() {
        return declineReason;
    }

    public @Nullable Instant expiredAt() {
        return expiredAt;
    }

    public @Nullable Instant supersededAt() {
        return supersededAt;
    }

    /** The id of the version that replaced this one. */
    public @Nullable String supersededBy() {
        return supersededBy;
    }

    /** The id of the version this one revised. */
    public @Nullable String revisedFrom() {
        return revisedFrom;
    }

    public List<QuoteLine> lines() {
        return List.copyOf(lines);
    }

    /** The approval record, oldest first. */
    public List<QuoteApproval> approvals() {
        return List.copyOf(approvals);
    }

    public Ownership ownership() {
        return ownership;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** The optimistic-lock version: the quote's ETag. */
    public long version() {
        return version;
    }
}

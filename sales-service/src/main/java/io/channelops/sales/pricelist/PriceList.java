package io.channelops.sales.pricelist;

import io.channelops.events.sales.PriceListActivated;
import io.channelops.platform.persistence.AggregateRoot;
import io.channelops.platform.web.ApiProblem;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * A price list: prices in one currency for a validity period ({@code validFrom}, optional {@code validTo}, both
 * inclusive) and a {@link PriceScope}, with lines by product or by category.
 *
 * <p>Life cycle {@code DRAFT → SUBMITTED → REVIEWED → ACTIVE → EXPIRED}, under four eyes: nobody who entered, edited or
 * submitted the list may review it, and nobody who entered, edited, submitted or reviewed it may confirm
 * (activate) it (422 {@code SAME_PERSON_STEP}). The reviewer (on a submitted list) or the confirmer (on a reviewed
 * one) may instead reject it back to {@code DRAFT} with a note. Header and lines change only in {@code DRAFT}.
 * Activating raises {@link PriceListActivated}. Lists are never deleted; every change is kept by Envers.
 */
@Entity
@Table(name = "price_lists")
@Audited
public class PriceList extends AggregateRoot<PriceList> {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_NOTE_LENGTH = 1000;

    @Id
    private String id;

    @Column(nullable = false, length = MAX_NAME_LENGTH)
    private String name;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(nullable = false, length = 3)
    private String currency;

    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private @Nullable LocalDate validTo;

    @Column(name = "region_code", length = 32)
    private @Nullable String regionCode;

    @Column(name = "customer_type", length = 32)
    private @Nullable String customerType;

    @Column(name = "customer_level", length = 32)
    private @Nullable String customerLevel;

    @Column(name = "category_id", length = 36)
    private @Nullable String categoryId;

    @Column(name = "scope_key", nullable = false, length = 200)
    private String scopeKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private PriceListStatus status;

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    /** Everyone who entered, edited or submitted the list, space-separated. */
    @Column(name = "entered_by", nullable = false, columnDefinition = "text")
    private String enteredBy;

    @Column(name = "submitted_by", length = 100)
    private @Nullable String submittedBy;

    @Column(name = "submitted_at")
    private @Nullable Instant submittedAt;

    @Column(name = "reviewed_by", length = 100)
    private @Nullable String reviewedBy;

    @Column(name = "reviewed_at")
    private @Nullable Instant reviewedAt;

    @Column(name = "activated_by", length = 100)
    private @Nullable String activatedBy;

    @Column(name = "activated_at")
    private @Nullable Instant activatedAt;

    @Column(name = "rejected_by", length = 100)
    private @Nullable String rejectedBy;

    @Column(name = "rejected_at")
    private @Nullable Instant rejectedAt;

    @Column(name = "rejection_note", length = MAX_NOTE_LENGTH)
    private @Nullable String rejectionNote;

    /** The list whose activation set this one's end date. */
    @Column(name = "superseded_by", length = 36)
    private @Nullable String supersededBy;

    @Column(name = "expired_at")
    private @Nullable Instant expiredAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @NotAudited
    private long version;

    @OneToMany(mappedBy = "priceList", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<PriceListLine> lines = new ArrayList<>();

    protected PriceList() {
        // for JPA
        this.id = "";
        this.name = "";
        this.currency = "";
        this.validFrom = LocalDate.EPOCH;
        this.scopeKey = PriceScope.ANY.key();
        this.status = PriceListStatus.DRAFT;
        this.createdBy = "";
        this.enteredBy = "";
        this.createdAt = Instant.EPOCH;
        this.updatedAt = Instant.EPOCH;
    }

    private PriceList(Header header, String by, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.name = header.name();
        this.currency = header.currency();
        this.validFrom = header.validFrom();
        this.validTo = header.validTo();
        this.scopeKey = header.scope().key();
        this.status = PriceListStatus.DRAFT;
        this.createdBy = by;
        this.enteredBy = by;
        this.createdAt = now;
        this.updatedAt = now;
        applyScope(header.scope());
    }

    /** The header of a list: what a DRAFT's editor may set besides the lines. */
    public record Header(String name, String currency, LocalDate validFrom, @Nullable LocalDate validTo,
            PriceScope scope) {

        public Header {
            name = name.strip();
            if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
                throw ApiProblem.unprocessable("PRICE_LIST_NAME", "A price list name has 1 to " + MAX_NAME_LENGTH
                        + " characters", MAX_NAME_LENGTH);
            }
            if (validTo != null && validTo.isBefore(validFrom)) {
                throw ApiProblem.unprocessable("PRICE_LIST_VALIDITY", "validTo " + validTo + " is before validFrom "
                        + validFrom, validTo, validFrom);
            }
        }
    }

    /** A new DRAFT list entered by {@code by}. */
    static PriceList create(Header header, String by, Instant now) {
        return new PriceList(header, by, now);
    }

    /** Replaces the header of a DRAFT; returns whether anything changed. */
    boolean changeHeader(Header header, String by, Instant now) {
        requireDraft("edit");
        boolean changed = !header.name().equals(name) || !header.currency().equals(currency)
                || !header.validFrom().equals(validFrom) || !java.util.Objects.equals(header.validTo(), validTo)
                || !header.scope().equals(scope());
        if (changed) {
            name = header.name();
            currency = header.currency();
            validFrom = header.validFrom();
            validTo = header.validTo();
            applyScope(header.scope());
            edited(by, now);
        }
        return changed;
    }

    /** Adds a line to a DRAFT; 409 {@code DUPLICATE_PRICE_LIST_LINE} when the product or category has one. */
    PriceListLine addLine(PriceListLine.Prices prices, String by, Instant now) {
        requireDraft("edit");
        for (PriceListLine line : lines) {
            if (line.sameTarget(prices)) {
                throw ApiProblem.conflict("DUPLICATE_PRICE_LIST_LINE", "The price list already has a line for "
                        + target(prices) + ": change that line instead", target(prices), line.id());
            }
        }
        PriceListLine line = new PriceListLine(this, prices);
        lines.add(line);
        edited(by, now);
        return line;
    }

    /** Changes the prices of a DRAFT's line; its product or category cannot change (remove and add instead). */
    PriceListLine repriceLine(String lineId, PriceListLine.Prices prices, String by, Instant now) {
        requireDraft("edit");
        PriceListLine line = line(lineId).orElseThrow(() -> ApiProblem.notFound("price list line", lineId));
        if (!line.sameTarget(prices)) {
            throw ApiProblem.unprocessable("PRICE_LINE_TARGET", "A line's product or category cannot change; "
                    + "remove the line and add a new one");
        }
        if (line.reprice(prices)) {
            edited(by, now);
        }
        return line;
    }

    /** Removes a line of a DRAFT. */
    void removeLine(String lineId, String by, Instant now) {
        requireDraft("edit");
        PriceListLine line = line(lineId).orElseThrow(() -> ApiProblem.notFound("price list line", lineId));
        lines.remove(line);
        edited(by, now);
    }

    /** DRAFT → SUBMITTED, by someone who may enter lists; a list without lines cannot be submitted. */
    void submit(String by, Instant now) {
        if (status != PriceListStatus.DRAFT) {
            throw ApiProblem.illegalTransition("price list", id, status, "submit");
        }
        if (lines.isEmpty()) {
            throw ApiProblem.unprocessable("PRICE_LIST_EMPTY", "A price list without lines cannot be submitted", id);
        }
        status = PriceListStatus.SUBMITTED;
        submittedBy = by;
        submittedAt = now;
        enteredBy = withUser(enteredBy, by);
        updatedAt = now;
    }

    /** SUBMITTED → REVIEWED, by someone who neither entered, edited nor submitted it. */
    void review(String by, Instant now) {
        if (status != PriceListStatus.SUBMITTED) {
            throw ApiProblem.illegalTransition("price list", id, status, "review");
        }
        requireOtherThan(enteredBy(), by, "review", "entered, edited or submitted");
        status = PriceListStatus.REVIEWED;
        reviewedBy = by;
        reviewedAt = now;
        updatedAt = now;
    }

    /** Checks that {@code by} may confirm this REVIEWED list; the service then closes the lists it supersedes. */
    void checkActivation(String by) {
        if (status != PriceListStatus.REVIEWED) {
            throw ApiProblem.illegalTransition("price list", id, status, "activate");
        }
        Set<String> earlier = new LinkedHashSet<>(enteredBy());
        if (reviewedBy != null) {
            earlier.add(reviewedBy);
        }
        requireOtherThan(earlier, by, "activate", "entered, edited, submitted or reviewed");
    }

    /** REVIEWED → ACTIVE; raises {@link PriceListActivated} naming the lists whose end date it set. */
    void activate(String by, Instant now, List<String> superseded) {
        checkActivation(by);
        status = PriceListStatus.ACTIVE;
        activatedBy = by;
        activatedAt = now;
        updatedAt = now;
        registerEvent(new PriceListActivated(id, name, currency, orEmpty(regionCode), orEmpty(customerType),
                orEmpty(customerLevel), orEmpty(categoryId), validFrom, List.copyOf(superseded), by, now));
    }

    /**
     * Sends a SUBMITTED list (by a would-be reviewer) or a REVIEWED one (by a would-be confirmer) back to DRAFT with a
     * note; the same four-eyes rules as for the step it replaces.
     */
    void reject(String by, String note, boolean mayReview, boolean mayConfirm, Instant now) {
        switch (status) {
            case SUBMITTED -> {
                if (!mayReview) {
                    throw ApiProblem.unprocessable("PRICE_LIST_REJECT_NOT_ALLOWED", "Only a reviewer (prices:review) "
                            + "may reject a submitted price list", id);
                }
                requireOtherThan(enteredBy(), by, "reject", "entered, edited or submitted");
            }
            case REVIEWED -> {
                if (!mayConfirm) {
                    throw ApiProblem.unprocessable("PRICE_LIST_REJECT_NOT_ALLOWED", "Only a confirmer "
                            + "(prices:approve) may reject a reviewed price list", id);
                }
                Set<String> earlier = new LinkedHashSet<>(enteredBy());
                if (reviewedBy != null) {
                    earlier.add(reviewedBy);
                }
                requireOtherThan(earlier, by, "reject", "entered, edited, submitted or reviewed");
            }
            default -> throw ApiProblem.illegalTransition("price list", id, status, "reject");
        }
        String stripped = note.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_NOTE_LENGTH) {
            throw ApiProblem.unprocessable("PRICE_LIST_NOTE", "A rejection needs a note of 1 to " + MAX_NOTE_LENGTH
                    + " characters", MAX_NOTE_LENGTH);
        }
        status = PriceListStatus.DRAFT;
        rejectedBy = by;
        rejectedAt = now;
        rejectionNote = stripped;
        submittedBy = null;
        submittedAt = null;
        reviewedBy = null;
        reviewedAt = null;
        updatedAt = now;
    }

    /**
     * Ends this ACTIVE list the day before {@code successorFrom}, because {@code successorId} of the same scope takes
     * over from then; the list stays readable and keeps pricing the dates before.
     */
    void closeBefore(LocalDate successorFrom, String successorId, LocalDate today, Instant now) {
        validTo = successorFrom.minusDays(1);
        supersededBy = successorId;
        updatedAt = now;
        expireIfOver(today, now);
    }

    /** ACTIVE → EXPIRED once {@code today} is past its end date; returns whether it expired. */
    boolean expireIfOver(LocalDate today, Instant now) {
        if (status == PriceListStatus.ACTIVE && validTo != null && validTo.isBefore(today)) {
            status = PriceListStatus.EXPIRED;
            expiredAt = now;
            updatedAt = now;
            return true;
        }
        return false;
    }

    /** Whether the list's validity and [{@code from}, {@code to}] (null = open) share a day. */
    boolean overlaps(LocalDate from, @Nullable LocalDate to) {
        boolean startsBeforeOtherEnds = to == null || !validFrom.isAfter(to);
        boolean endsAfterOtherStarts = validTo == null || !validTo.isBefore(from);
        return startsBeforeOtherEnds && endsAfterOtherStarts;
    }

    /** The list's fields as its history compares them. */
    Map<String, @Nullable Object> auditedState() {
        Map<String, @Nullable Object> state = new LinkedHashMap<>();
        state.put("name", name);
        state.put("currency", currency);
        state.put("validFrom", validFrom);
        state.put("validTo", validTo);
        state.put("regionCode", regionCode);
        state.put("customerType", customerType);
        state.put("customerLevel", customerLevel);
        state.put("categoryId", categoryId);
        state.put("status", status);
        state.put("submittedBy", submittedBy);
        state.put("reviewedBy", reviewedBy);
        state.put("activatedBy", activatedBy);
        state.put("rejectedBy", rejectedBy);
        state.put("rejectionNote", rejectionNote);
        state.put("supersededBy", supersededBy);
        return state;
    }

    private void requireDraft(String action) {
        if (status != PriceListStatus.DRAFT) {
            throw ApiProblem.illegalTransition("price list", id, status, action);
        }
    }

    private void edited(String by, Instant now) {
        enteredBy = withUser(enteredBy, by);
        updatedAt = now;
    }

    private void requireOtherThan(Set<String> earlier, String by, String step, String what) {
        if (earlier.contains(by)) {
            throw ApiProblem.unprocessable("SAME_PERSON_STEP", "You " + what + " price list " + id
                    + ", so another person must " + step + " it", id, step);
        }
    }

    private void applyScope(PriceScope scope) {
        regionCode = scope.regionCode();
        customerType = scope.customerType();
        customerLevel = scope.customerLevel();
        categoryId = scope.categoryId();
        scopeKey = scope.key();
    }

    private Optional<PriceListLine> line(String lineId) {
        return lines.stream().filter(l -> l.id().equals(lineId)).findFirst();
    }

    private static String withUser(String users, String user) {
        Set<String> all = new LinkedHashSet<>(split(users));
        all.add(user);
        return String.join(" ", all);
    }

    private static List<String> split(String users) {
        return Arrays.stream(users.split(" ")).filter(s -> !s.isBlank()).toList();
    }

    private static String target(PriceListLine.Prices prices) {
        return prices.productId() != null ? "product " + prices.productId() : "category " + prices.categoryId();
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

    @Override
    public String getId() {
        return id;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String currency() {
        return currency;
    }

    public LocalDate validFrom() {
        return validFrom;
    }

    public @Nullable LocalDate validTo() {
        return validTo;
    }

    public PriceScope scope() {
        return new PriceScope(regionCode, customerType, customerLevel, categoryId);
    }

    public PriceListStatus status() {
        return status;
    }

    public String createdBy() {
        return createdBy;
    }

    /** Everyone who entered, edited or submitted the list. */
    public Set<String> enteredBy() {
        return new LinkedHashSet<>(split(enteredBy));
    }

    public @Nullable String submittedBy() {
        return submittedBy;
    }

    public @Nullable Instant submittedAt() {
        return submittedAt;
    }

    public @Nullable String reviewedBy() {
        return reviewedBy;
    }

    public @Nullable Instant reviewedAt() {
        return reviewedAt;
    }

    public @Nullable String activatedBy() {
        return activatedBy;
    }

    public @Nullable Instant activatedAt() {
        return activatedAt;
    }

    public @Nullable String rejectedBy() {
        return rejectedBy;
    }

    public @Nullable Instant rejectedAt() {
        return rejectedAt;
    }

    public @Nullable String rejectionNote() {
        return rejectionNote;
    }

    public @Nullable String supersededBy() {
        return supersededBy;
    }

    public @Nullable Instant expiredAt() {
        return expiredAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }

    public List<PriceListLine> lines() {
        return List.copyOf(lines);
    }

    /** The events raised and not yet published (Spring Data publishes them on save). */
    List<Object> pendingEvents() {
        return List.copyOf(domainEvents());
    }
}

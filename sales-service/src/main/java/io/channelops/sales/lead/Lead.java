package io.channelops.sales.lead;

import io.channelops.events.sales.LeadConverted;
import io.channelops.events.sales.LeadCreated;
import io.channelops.events.sales.LeadQualified;
import io.channelops.platform.persistence.AggregateRoot;
import io.channelops.platform.security.Ownership;
import io.channelops.platform.web.ApiProblem;
import io.channelops.sales.assignment.AssignmentService;
import io.channelops.sales.money.Money;
import io.channelops.sales.scoring.Band;
import io.channelops.sales.scoring.LeadScorer;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * A lead: someone's interest in buying, from capture to conversion. Owned by a rep (or waiting in a queue: owner
 * {@value AssignmentService#QUEUE_OWNER}, org path = the queue's team or region). Guards its life cycle:
 * <pre>
 *   NEW → WORKING → QUALIFIED → CONVERTED
 *   NEW | WORKING | QUALIFIED → DISQUALIFIED (reason + note)
 * </pre>
 * Raises {@link LeadCreated}, {@link LeadQualified} and {@link LeadConverted}.
 */
@Entity
@Table(name = "leads")
public class Lead extends AggregateRoot<Lead> {

    @Id
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private LeadSource source;

    @Column(length = 100)
    private @Nullable String campaign;

    @Column(nullable = false, length = 200)
    private String company;

    @Column(name = "contact_name", nullable = false, length = 200)
    private String contactName;

    @Column(name = "contact_title", length = 100)
    private @Nullable String contactTitle;

    @Column(name = "contact_phone", length = 40)
    private @Nullable String contactPhone;

    @Column(name = "contact_email", length = 200)
    private @Nullable String contactEmail;

    @Column(length = 2000)
    private @Nullable String need;

    @Column(name = "budget_amount", precision = 19, scale = 2)
    private @Nullable BigDecimal budgetAmount;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "budget_currency", length = 3)
    private @Nullable String budgetCurrency;

    @Column(name = "expected_purchase_date")
    private @Nullable LocalDate expectedPurchaseDate;

    @Column(name = "timeline_months")
    private @Nullable Integer timelineMonths;

    @Column(name = "region_code", nullable = false, length = 32)
    private String regionCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private LeadStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "disqualify_reason", length = 24)
    private @Nullable DisqualificationReason disqualifyReason;

    @Column(name = "disqualify_note", length = 1000)
    private @Nullable String disqualifyNote;

    @Embedded
    private Ownership ownership;

    @Column(nullable = false)
    private int score;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Band band;

    @Column(name = "scored_at", nullable = false)
    private Instant scoredAt;

    @Column(name = "score_due_at")
    private @Nullable Instant scoreDueAt;

    @Column(name = "scored_rules_version", nullable = false)
    private long scoredRulesVersion;

    @Column(name = "duplicate_check", nullable = false, length = 16)
    private String duplicateCheck;

    @Column(name = "possible_duplicates", length = 4000)
    private @Nullable String possibleDuplicates;

    @Column(name = "email_key", length = 200)
    private @Nullable String emailKey;

    @Column(name = "phone_key", length = 40)
    private @Nullable String phoneKey;

    @Column(name = "company_key", nullable = false, length = 200)
    private String companyKey;

    @Column(name = "customer_id", length = 36)
    private @Nullable String customerId;

    @Column(name = "contact_id", length = 36)
    private @Nullable String contactId;

    @Column(name = "opportunity_id", length = 36)
    private @Nullable String opportunityId;

    @Column(name = "qualified_at")
    private @Nullable Instant qualifiedAt;

    @Column(name = "closed_at")
    private @Nullable Instant closedAt;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Lead() {
        this.id = "";
        this.source = LeadSource.OTHER;
        this.company = "";
        this.contactName = "";
        this.regionCode = "";
        this.status = LeadStatus.NEW;
        this.ownership = new Ownership(AssignmentService.QUEUE_OWNER, "");
        this.band = Band.COLD;
        this.scoredAt = Instant.EPOCH;
        this.duplicateCheck = "";
        this.companyKey = "";
        this.createdBy = "";
        this.createdAt = Instant.EPOCH;
        this.updatedAt = Instant.EPOCH;
    }

    /**
     * What a lead is about: everything a client may set and change.
     *
     * @param budget null when none was stated
     * @param expectedPurchaseDate exclusive with {@code timelineMonths}
     * @param timelineMonths months from capture until the expected purchase; exclusive with the date
     */
    public record Details(LeadSource source, @Nullable String campaign, String company, String contactName,
            @Nullable String contactTitle, @Nullable String contactPhone, @Nullable String contactEmail,
            @Nullable String need, @Nullable Money budget, @Nullable LocalDate expectedPurchaseDate,
            @Nullable Integer timelineMonths, String regionCode) {
    }

    Lead(Details details, Ownership ownership, String createdBy, Instant now, String duplicateCheck,
            @Nullable String possibleDuplicates, Band initialBand) {
        this.id = UUID.randomUUID().toString();
        this.status = LeadStatus.NEW;
        this.ownership = ownership;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
        this.duplicateCheck = duplicateCheck;
        this.possibleDuplicates = possibleDuplicates;
        this.band = initialBand;
        this.scoredAt = now;
        this.source = details.source();
        this.company = "";
        this.contactName = "";
        this.regionCode = "";
        this.companyKey = "";
        apply(details, now);
        registerEvent(new LeadCreated(id, source.name(), campaign == null ? "" : campaign, company, regionCode, now,
                ownership.ownerId(), ownership.orgPath()));
    }

    /** Changes the lead's details; only an open lead can change (409 LEAD_CLOSED). Returns whether anything did. */
    boolean change(Details details, Instant now) {
        requireOpen("change");
        if (details().equals(normalized(details, now))) {
            return false;
        }
        apply(details, now);
        updatedAt = now;
        return true;
    }

    void start(Instant now) {
        requireAssigned("start");
        if (status != LeadStatus.NEW) {
            throw ApiProblem.illegalTransition("lead", id, status, "start");
        }
        status = LeadStatus.WORKING;
        updatedAt = now;
    }

    void qualify(String by, Instant now) {
        requireAssigned("qualify");
        if (status != LeadStatus.NEW && status != LeadStatus.WORKING) {
            throw ApiProblem.illegalTransition("lead", id, status, "qualify");
        }
        status = LeadStatus.QUALIFIED;
        qualifiedAt = now;
        updatedAt = now;
        registerEvent(new LeadQualified(id, score, band.name(), by, now, ownership.ownerId(), ownership.orgPath()));
    }

    void disqualify(DisqualificationReason reason, @Nullable String note, Instant now) {
        if (!status.open()) {
            throw ApiProblem.illegalTransition("lead", id, status, "disqualify");
        }
        if (reason == DisqualificationReason.OTHER && (note == null || note.isBlank())) {
            throw ApiProblem.unprocessable("DISQUALIFY_NOTE_REQUIRED", "Reason OTHER needs a note");
        }
        status = LeadStatus.DISQUALIFIED;
        disqualifyReason = reason;
        disqualifyNote = note == null || note.isBlank() ? null : note.strip();
        closedAt = now;
        scoreDueAt = null;
        updatedAt = now;
    }

    /** Hands the lead to an owner (from the queue, or from another owner). */
    void assign(Ownership to, Instant now) {
        if (!status.open()) {
            throw ApiProblem.illegalTransition("lead", id, status, "assign");
        }
        ownership = to;
        updatedAt = now;
    }

    /** Converts a QUALIFIED lead whose customer and contact exist now; raises the opportunity and LeadConverted. */
    void convert(String newCustomerId, String newContactId, String newOpportunityId, String opportunityName,
            @Nullable Money amount, @Nullable LocalDate expectedCloseDate, String by, Instant now) {
        requireConvertible();
        status = LeadStatus.CONVERTED;
        customerId = newCustomerId;
        contactId = newContactId;
        opportunityId = newOpportunityId;
        closedAt = now;
        scoreDueAt = null;
        updatedAt = now;
        registerEvent(new LeadConversionOpportunity(newOpportunityId, id, newCustomerId, newContactId,
                opportunityName, amount, expectedCloseDate != null ? expectedCloseDate : expectedPurchaseDate,
                ownership.ownerId(), ownership.orgPath(), by, now));
        registerEvent(new LeadConverted(id, newCustomerId, newContactId, newOpportunityId, by, now,
                ownership.ownerId(), ownership.orgPath()));
    }

    /** Only an assigned QUALIFIED lead can be converted (409 otherwise). */
    void requireConvertible() {
        requireAssigned("convert");
        if (status != LeadStatus.QUALIFIED) {
            throw ApiProblem.illegalTransition("lead", id, status, "convert");
        }
    }

    /** Stores a new score; true when score or band changed. */
    boolean score(int newScore, Band newBand, @Nullable Instant dueAt, long rulesVersion, Instant now) {
        boolean changed = newScore != score || newBand != band;
        score = newScore;
        band = newBand;
        scoredAt = now;
        scoreDueAt = status.open() ? dueAt : null;
        scoredRulesVersion = rulesVersion;
        return changed;
    }

    void requireOpen(String action) {
        if (!status.open()) {
            throw ApiProblem.conflict("LEAD_CLOSED", "Lead " + id + " is " + status + " and can no longer "
                    + action, id, status);
        }
    }

    private void requireAssigned(String action) {
        if (queued()) {
            throw ApiProblem.conflict("LEAD_UNASSIGNED", "Lead " + id + " waits in the queue; assign or claim it "
                    + "before you " + action + " it", id, action);
        }
    }

    /** The facts scoring rules test. */
    public LeadScorer.Facts facts() {
        return new LeadScorer.Facts(source.name(), campaign, regionCode, budgetAmount, budgetCurrency,
                expectedPurchaseDate, contactEmail, contactPhone, contactTitle);
    }

    public Details details() {
        return new Details(source, campaign, company, contactName, contactTitle, contactPhone, contactEmail, need,
                budget(), expectedPurchaseDate, timelineMonths, regionCode);
    }

    private void apply(Details raw, Instant at) {
        Details details = normalized(raw, at);
        source = details.source();
        campaign = details.campaign();
        company = details.company();
        contactName = details.contactName();
        contactTitle = details.contactTitle();
        contactPhone = details.contactPhone();
        contactEmail = details.contactEmail();
        need = details.need();
        budgetAmount = details.budget() == null ? null : details.budget().amount();
        budgetCurrency = details.budget() == null ? null : details.budget().currency();
        timelineMonths = details.timelineMonths();
        expectedPurchaseDate = details.expectedPurchaseDate();
        regionCode = details.regionCode();
        emailKey = LeadKeys.email(contactEmail);
        phoneKey = LeadKeys.phone(contactPhone);
        companyKey = LeadKeys.company(company);
    }

    /**
     * Trimmed, blanks as null, region in upper case, a timeline in months turned into the date it means counted from
     * {@code statedAt} (when the months were stated).
     */
    static Details normalized(Details d, Instant statedAt) {
        LocalDate expected = d.expectedPurchaseDate();
        if (d.timelineMonths() != null && expected == null) {
            expected = LocalDate.ofInstant(statedAt, ZoneOffset.UTC).plusMonths(d.timelineMonths());
        }
        return new Details(d.source(), blankToNull(d.campaign()), d.company().strip(), d.contactName().strip(),
                blankToNull(d.contactTitle()), blankToNull(d.contactPhone()), blankToNull(d.contactEmail()),
                blankToNull(d.need()), d.budget(), expected, d.timelineMonths(),
                d.regionCode().strip().toUpperCase(Locale.ROOT));
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public boolean queued() {
        return AssignmentService.QUEUE_OWNER.equals(ownership.ownerId());
    }

    public String id() {
        return id;
    }

    @Override
    public String getId() {
        return id;
    }

    public LeadSource source() {
        return source;
    }

    public @Nullable String campaign() {
        return campaign;
    }

    public String company() {
        return company;
    }

    public String contactName() {
        return contactName;
    }

    public @Nullable String contactTitle() {
        return contactTitle;
    }

    public @Nullable String contactPhone() {
        return contactPhone;
    }

    public @Nullable String contactEmail() {
        return contactEmail;
    }

    public @Nullable String need() {
        return need;
    }

    public @Nullable Money budget() {
        return budgetAmount == null || budgetCurrency == null ? null : new Money(budgetAmount, budgetCurrency);
    }

    public @Nullable LocalDate expectedPurchaseDate() {
        return expectedPurchaseDate;
    }

    public @Nullable Integer timelineMonths() {
        return timelineMonths;
    }

    public String regionCode() {
        return regionCode;
    }

    public LeadStatus status() {
        return status;
    }

    public @Nullable DisqualificationReason disqualifyReason() {
        return disqualifyReason;
    }

    public @Nullable String disqualifyNote() {
        return disqualifyNote;
    }

    public Ownership ownership() {
        return ownership;
    }

    public int score() {
        return score;
    }

    public Band band() {
        return band;
    }

    public Instant scoredAt() {
        return scoredAt;
    }

    public @Nullable Instant scoreDueAt() {
        return scoreDueAt;
    }

    public long scoredRulesVersion() {
        return scoredRulesVersion;
    }

    public String duplicateCheck() {
        return duplicateCheck;
    }

    public @Nullable String possibleDuplicates() {
        return possibleDuplicates;
    }

    public @Nullable String emailKey() {
        return emailKey;
    }

    public @Nullable String phoneKey() {
        return phoneKey;
    }

    public String companyKey() {
        return companyKey;
    }

    public @Nullable String customerId() {
        return customerId;
    }

    public @Nullable String contactId() {
        return contactId;
    }

    public @Nullable String opportunityId() {
        return opportunityId;
    }

    public @Nullable Instant qualifiedAt() {
        return qualifiedAt;
    }

    public @Nullable Instant closedAt() {
        return closedAt;
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

    public long version() {
        return version;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Lead lead && Objects.equals(id, lead.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}

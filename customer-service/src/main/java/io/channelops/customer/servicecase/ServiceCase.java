package io.channelops.customer.servicecase;

import io.channelops.events.customer.CaseClosed;
import io.channelops.events.customer.CaseOpened;
import io.channelops.platform.persistence.AggregateRoot;
import io.channelops.platform.security.Ownership;
import io.channelops.platform.web.ApiProblem;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A service case (feedback, complaint, inquiry, return request) of one customer. It guards its own life cycle
 * ({@link CaseStatus}), writes a history row for every change, raises {@link CaseOpened} and {@link CaseClosed}, and
 * carries its SLA deadlines, computed from its priority when it is opened and stored.
 *
 * <p><b>First response</b>: the first status change (start or resolve) or comment by someone other than the user
 * who opened the case. A case resolved before anyone else responded counts as answered when it is resolved.
 * <b>Resolution</b>: the time it was (last) resolved; reopening clears it. A deadline is breached when it passed
 * without the response / resolution, or when the response / resolution came after it.
 */
@Entity
@Table(name = "service_cases")
public class ServiceCase extends AggregateRoot<ServiceCase> {

    private static final Set<CaseStatus> STARTABLE = Set.of(CaseStatus.OPEN, CaseStatus.REOPENED);

    @Id
    private String id;

    @Column(name = "customer_id", nullable = false)
    private String customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CaseCategory category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CasePriority priority;

    @Column(nullable = false)
    private String subject;

    @Column(nullable = false)
    private String description;

    @Column(name = "contact_id")
    private @Nullable String contactId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CaseStatus status;

    @Column(name = "assignee_id")
    private @Nullable String assigneeId;

    @Column(name = "opened_by", nullable = false)
    private String openedBy;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "first_response_due_at", nullable = false)
    private Instant firstResponseDueAt;

    @Column(name = "resolution_due_at", nullable = false)
    private Instant resolutionDueAt;

    @Column(name = "first_responded_at")
    private @Nullable Instant firstRespondedAt;

    @Column(name = "resolved_at")
    private @Nullable Instant resolvedAt;

    private @Nullable String resolution;

    @Column(name = "closed_at")
    private @Nullable Instant closedAt;

    @Column(name = "satisfaction_score")
    private @Nullable Integer satisfactionScore;

    @Embedded
    private Ownership ownership;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    @OneToMany(cascade = {CascadeType.PERSIST, CascadeType.MERGE}, fetch = FetchType.LAZY)
    @JoinColumn(name = "case_id", nullable = false, updatable = false)
    private List<CaseHistoryEntry> history = new ArrayList<>();

    protected ServiceCase() {
        // for JPA
        this.id = "";
        this.customerId = "";
        this.category = CaseCategory.INQUIRY;
        this.priority = CasePriority.NORMAL;
        this.subject = "";
        this.description = "";
        this.status = CaseStatus.OPEN;
        this.openedBy = "";
        this.openedAt = Instant.EPOCH;
        this.firstResponseDueAt = Instant.EPOCH;
        this.resolutionDueAt = Instant.EPOCH;
        this.ownership = new Ownership("system", "/hq");
        this.updatedAt = Instant.EPOCH;
    }

    /** What the opener tells about the case. */
    public record Details(CaseCategory category, CasePriority priority, String subject, String description,
            @Nullable String contactId) {
    }

    /**
     * Opens a case for a customer, owned like the customer at this moment, with the SLA deadlines of its priority.
     */
    static ServiceCase open(String customerId, Details details, CaseSettings.Sla sla, Ownership ownership,
            String openedBy, Instant now) {
        ServiceCase opened = new ServiceCase();
        opened.id = UUID.randomUUID().toString();
        opened.customerId = customerId;
        opened.category = details.category();
        opened.priority = details.priority();
        opened.subject = details.subject();
        opened.description = details.description();
        opened.contactId = details.contactId();
        opened.status = CaseStatus.OPEN;
        opened.openedBy = openedBy;
        opened.openedAt = now;
        opened.firstResponseDueAt = now.plus(sla.firstResponseTime());
        opened.resolutionDueAt = now.plus(sla.resolutionTime());
        opened.ownership = ownership;
        opened.updatedAt = now;
        opened.record(CaseHistoryKind.OPENED, null, CaseStatus.OPEN, openedBy, now, null);
        opened.registerEvent(new CaseOpened(opened.id, customerId, opened.category.name(), opened.priority.name(),
                opened.subject, now, opened.firstResponseDueAt, opened.resolutionDueAt, ownership.ownerId(),
                ownership.orgPath()));
        return opened;
    }

    /** Gives the case to a user (already checked against the directory and the assigner's scope). */
    void assign(String userId, String by, Instant now) {
        requireNot(CaseStatus.CLOSED, "assign");
        this.assigneeId = userId;
        this.updatedAt = now;
        record(CaseHistoryKind.ASSIGNED, null, null, by, now, "assigned to " + userId);
    }

    /** Someone starts working on it: {@code OPEN} or {@code REOPENED} → {@code IN_PROGRESS}. */
    void start(String by, Instant now, @Nullable String note) {
        if (!STARTABLE.contains(status)) {
            throw ApiProblem.illegalTransition("case", id, status, "start");
        }
        changeStatus(CaseStatus.IN_PROGRESS, by, now, note);
    }

    /** Resolved with an answer: any unresolved status → {@code RESOLVED}. */
    void resolve(String resolutionText, String by, Instant now) {
        if (!status.unresolved()) {
            throw ApiProblem.illegalTransition("case", id, status, "resolve");
        }
        changeStatus(CaseStatus.RESOLVED, by, now, resolutionText);
        this.resolution = resolutionText;
        this.resolvedAt = now;
        if (firstRespondedAt == null) {
            firstRespondedAt = now;
        }
    }

    /** The resolution did not hold: {@code RESOLVED} → {@code REOPENED}; the case is unresolved again. */
    void reopen(String by, Instant now, @Nullable String note) {
        if (status != CaseStatus.RESOLVED) {
            throw ApiProblem.illegalTransition("case", id, status, "reopen");
        }
        changeStatus(CaseStatus.REOPENED, by, now, note);
        this.resolvedAt = null;
        this.resolution = null;
    }

    /** {@code RESOLVED} → {@code CLOSED}, with the customer's satisfaction (1..5) if they gave one. */
    void close(@Nullable Integer score, String by, Instant now) {
        if (status != CaseStatus.RESOLVED) {
            throw ApiProblem.illegalTransition("case", id, status, "close");
        }
        if (score != null && (score < 1 || score > 5)) {
            throw ApiProblem.unprocessable("INVALID_SATISFACTION_SCORE", "satisfactionScore must be 1 to 5",
                    score);
        }
        changeStatus(CaseStatus.CLOSED, by, now, score == null ? null : "satisfaction " + score);
        this.satisfactionScore = score;
        this.closedAt = now;
        registerEvent(new CaseClosed(id, customerId, priority.name(), resolution == null ? "" : resolution,
                score == null ? 0 : score, resolutionBreached(now), now, ownership.ownerId(), ownership.orgPath()));
    }

    /** A comment; by someone other than the opener it is a response. Not on a closed case. */
    CaseHistoryEntry comment(String text, String by, Instant now) {
        requireNot(CaseStatus.CLOSED, "comment on");
        responded(by, now);
        this.updatedAt = now;
        return record(CaseHistoryKind.COMMENTED, null, null, by, now, text);
    }

    private void changeStatus(CaseStatus to, String by, Instant now, @Nullable String note) {
        CaseStatus from = status;
        this.status = to;
        this.updatedAt = now;
        responded(by, now);
        record(CaseHistoryKind.STATUS_CHANGED, from, to, by, now, note);
    }

    private void responded(String by, Instant now) {
        if (firstRespondedAt == null && !by.equals(openedBy)) {
            firstRespondedAt = now;
        }
    }

    private void requireNot(CaseStatus forbidden, String action) {
        if (status == forbidden) {
            throw ApiProblem.illegalTransition("case", id, status, action);
        }
    }

    private CaseHistoryEntry record(CaseHistoryKind kind, @Nullable CaseStatus from, @Nullable CaseStatus to,
            String by, Instant now, @Nullable String note) {
        CaseHistoryEntry entry = new CaseHistoryEntry(id, kind, from, to, by, now, note);
        history.add(entry);
        return entry;
    }

    /** Whether the first response is late at {@code now}: none yet past the deadline, or it came after it. */
    public boolean firstResponseBreached(Instant now) {
        return firstRespondedAt == null ? now.isAfter(firstResponseDueAt)
                : firstRespondedAt.isAfter(firstResponseDueAt);
    }

    /** Whether the resolution is late at {@code now}: unresolved past the deadline, or resolved after it. */
    public boolean resolutionBreached(Instant now) {
        return resolvedAt == null ? now.isAfter(resolutionDueAt) : resolvedAt.isAfter(resolutionDueAt);
    }

    public String id() {
        return id;
    }

    @Override
    public String getId() {
        return id;
    }

    public String customerId() {
        return customerId;
    }

    public CaseCategory category() {
        return category;
    }

    public CasePriority priority() {
        return priority;
    }

    public String subject() {
        return subject;
    }

    public String description() {
        return description;
    }

    public @Nullable String contactId() {
        return contactId;
    }

    public CaseStatus status() {
        return status;
    }

    public @Nullable String assigneeId() {
        return assigneeId;
    }

    public String openedBy() {
        return openedBy;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Instant firstResponseDueAt() {
        return firstResponseDueAt;
    }

    public Instant resolutionDueAt() {
        return resolutionDueAt;
    }

    public @Nullable Instant firstRespondedAt() {
        return firstRespondedAt;
    }

    public @Nullable Instant resolvedAt() {
        return resolvedAt;
    }

    public @Nullable String resolution() {
        return resolution;
    }

    public @Nullable Instant closedAt() {
        return closedAt;
    }

    public @Nullable Integer satisfactionScore() {
        return satisfactionScore;
    }

    /** The customer's owner and org unit when the case was opened: the case's data scope. */
    public Ownership ownership() {
        return ownership;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}

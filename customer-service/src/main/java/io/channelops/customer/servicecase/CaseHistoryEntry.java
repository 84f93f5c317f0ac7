package io.channelops.customer.servicecase;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One row of a case's history: who did what when (status from/to, assignment, comment). Append-only. */
@Entity
@Table(name = "service_case_history")
public class CaseHistoryEntry {

    @Id
    private String id;

    /** Written through the case's history collection; mapped here to read it. */
    @Column(name = "case_id", nullable = false, insertable = false, updatable = false)
    private String caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CaseHistoryKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    private @Nullable CaseStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    private @Nullable CaseStatus toStatus;

    @Column(name = "actor_id", nullable = false)
    private String actorId;

    @Column(nullable = false)
    private Instant at;

    private @Nullable String note;

    protected CaseHistoryEntry() {
        // for JPA
        this.id = "";
        this.caseId = "";
        this.kind = CaseHistoryKind.COMMENTED;
        this.actorId = "";
        this.at = Instant.EPOCH;
    }

    CaseHistoryEntry(String caseId, CaseHistoryKind kind, @Nullable CaseStatus fromStatus,
            @Nullable CaseStatus toStatus, String actorId, Instant at, @Nullable String note) {
        this.id = UUID.randomUUID().toString();
        this.caseId = caseId;
        this.kind = kind;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.actorId = actorId;
        this.at = at;
        this.note = note;
    }

    public String id() {
        return id;
    }

    public String caseId() {
        return caseId;
    }

    public CaseHistoryKind kind() {
        return kind;
    }

    public @Nullable CaseStatus fromStatus() {
        return fromStatus;
    }

    public @Nullable CaseStatus toStatus() {
        return toStatus;
    }

    public String actorId() {
        return actorId;
    }

    public Instant at() {
        return at;
    }

    public @Nullable String note() {
        return note;
    }
}

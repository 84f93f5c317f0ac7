package io.channelops.sales.opportunity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A call, e-mail, meeting, visit or note logged on an opportunity: proof the deal is being worked on. */
@Entity
@Table(name = "opportunity_activities")
public class OpportunityActivity {

    @Id
    private String id;

    @Column(name = "opportunity_id", nullable = false, length = 36)
    private String opportunityId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ActivityKind kind;

    @Column(name = "details", nullable = false, length = 4000)
    private String text;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "recorded_by", nullable = false, length = 64)
    private String recordedBy;

    protected OpportunityActivity() {
        // for JPA
        this.id = "";
        this.opportunityId = "";
        this.kind = ActivityKind.NOTE;
        this.text = "";
        this.occurredAt = Instant.EPOCH;
        this.recordedBy = "";
    }

    OpportunityActivity(String opportunityId, ActivityKind kind, String text, Instant occurredAt, String recordedBy) {
        this.id = UUID.randomUUID().toString();
        this.opportunityId = opportunityId;
        this.kind = kind;
        this.text = text;
        this.occurredAt = occurredAt;
        this.recordedBy = recordedBy;
    }

    public String id() {
        return id;
    }

    public String opportunityId() {
        return opportunityId;
    }

    public ActivityKind kind() {
        return kind;
    }

    public String text() {
        return text;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String recordedBy() {
        return recordedBy;
    }
}

package io.channelops.sales.pricelist;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.envers.RevisionEntity;
import org.hibernate.envers.RevisionNumber;
import org.hibernate.envers.RevisionTimestamp;

/**
 * One revision of the audit history (Hibernate Envers): a transaction that changed audited records, when and by
 * whom (the caller's user or client id; {@value AuditRevisionListener#SYSTEM} for background work).
 */
@Entity
@Table(name = "audit_revisions")
@RevisionEntity(AuditRevisionListener.class)
public class AuditRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @RevisionNumber
    private long id;

    @RevisionTimestamp
    @Column(name = "revised_at", nullable = false)
    private long revisedAt;

    @Column(name = "revised_by", nullable = false, length = 100)
    private String revisedBy = AuditRevisionListener.SYSTEM;

    public long id() {
        return id;
    }

    public Instant revisedAt() {
        return Instant.ofEpochMilli(revisedAt);
    }

    public String revisedBy() {
        return revisedBy;
    }

    void revisedBy(String who) {
        this.revisedBy = who;
    }
}

package io.channelops.customer.history;

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
 * One transaction that changed audited entities (table {@code revinfo}): when, and by whom (the caller's user or
 * client id; {@code system} for work no caller asked for, such as event consumers).
 */
@Entity
@Table(name = "revinfo")
@RevisionEntity(CallerRevisionListener.class)
public class Revision {

    /** The caller id recorded when a change is made outside any request. */
    public static final String SYSTEM = "system";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @RevisionNumber
    @Column(name = "rev")
    private long id;

    @RevisionTimestamp
    @Column(name = "revtstmp", nullable = false)
    private long timestamp;

    @Column(name = "changed_by", nullable = false, length = 64)
    private String changedBy = SYSTEM;

    public long id() {
        return id;
    }

    public Instant at() {
        return Instant.ofEpochMilli(timestamp);
    }

    public String changedBy() {
        return changedBy;
    }

    void changedBy(String callerId) {
        this.changedBy = callerId;
    }
}

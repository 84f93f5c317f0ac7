package io.channelops.customer.customer;

import io.channelops.platform.security.Ownership;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One reassignment of a customer: from which owner to which, by whom and why. An append-only audit trail of the
 * assign action (not a business record of its own: it is written with the customer and never served on its own).
 */
@Entity
@Table(name = "customer_assignments")
public class CustomerAssignment {

    @Id
    private String id;

    @Column(name = "customer_id", nullable = false)
    private String customerId;

    @Column(name = "from_owner_id", nullable = false)
    private String fromOwnerId;

    @Column(name = "from_org_path", nullable = false)
    private String fromOrgPath;

    @Column(name = "to_owner_id", nullable = false)
    private String toOwnerId;

    @Column(name = "to_org_path", nullable = false)
    private String toOrgPath;

    @Column(nullable = false)
    private String reason;

    @Column(name = "assigned_by", nullable = false)
    private String assignedBy;

    @Column(name = "assigned_at", nullable = false)
    private Instant assignedAt;

    protected CustomerAssignment() {
        // for JPA
        this.id = "";
        this.customerId = "";
        this.fromOwnerId = "";
        this.fromOrgPath = "";
        this.toOwnerId = "";
        this.toOrgPath = "";
        this.reason = "";
        this.assignedBy = "";
        this.assignedAt = Instant.EPOCH;
    }

    CustomerAssignment(String customerId, Ownership from, Ownership to, String reason, String assignedBy,
            Instant assignedAt) {
        this.id = UUID.randomUUID().toString();
        this.customerId = customerId;
        this.fromOwnerId = from.ownerId();
        this.fromOrgPath = from.orgPath();
        this.toOwnerId = to.ownerId();
        this.toOrgPath = to.orgPath();
        this.reason = reason;
        this.assignedBy = assignedBy;
        this.assignedAt = assignedAt;
    }

    public String id() {
        return id;
    }

    public String customerId() {
        return customerId;
    }

    public Ownership from() {
        return new Ownership(fromOwnerId, fromOrgPath);
    }

    public Ownership to() {
        return new Ownership(toOwnerId, toOrgPath);
    }

    public String reason() {
        return reason;
    }

    public String assignedBy() {
        return assignedBy;
    }

    public Instant assignedAt() {
        return assignedAt;
    }
}

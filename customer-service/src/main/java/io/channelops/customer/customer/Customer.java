package io.channelops.customer.customer;

import io.channelops.events.customer.CustomerReassigned;
import io.channelops.events.customer.CustomerRegistered;
import io.channelops.platform.security.Ownership;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A customer account, owned by a user (or integration client) in an org unit: its {@link Ownership} decides who sees
 * it (data scope) and is set by the server, never by a request. Raises {@link CustomerRegistered} when it is
 * created; {@link #reassign} hands it to another owner.
 */
@Entity
@Table(name = "customers")
public class Customer extends AbstractAggregateRoot<Customer> {

    /**
     * The reserved owner id of customers in the open pool of an org unit: such a customer's {@code org_path} names
     * the unit whose pool it is in.
     */
    public static final String OPEN_POOL = "pool";

    @Id
    private String id;

    @Column(nullable = false, unique = true)
    private String code;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CustomerType type;

    @Column(name = "region_code", nullable = false)
    private String regionCode;

    private @Nullable String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CustomerLevel level = CustomerLevel.NORMAL;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CustomerStatus status = CustomerStatus.PROSPECT;

    @Column(name = "last_activity_at")
    private @Nullable Instant lastActivityAt;

    // kept by the 360 summary's consumer with SQL (io.channelops.customer.summary), never written from here: a
    // customer saved while an order is approved or a merge is folded must not put back the value it was loaded with
    @Column(name = "last_order_at", insertable = false, updatable = false)
    private @Nullable Instant lastOrderAt;

    @Embedded
    private Ownership ownership;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Customer() {
        // for JPA
        this.id = "";
        this.code = "";
        this.name = "";
        this.type = CustomerType.DIRECT;
        this.regionCode = "";
        this.ownership = new Ownership("system", "/hq");
        this.createdAt = Instant.EPOCH;
        this.updatedAt = Instant.EPOCH;
    }

    private Customer(String code, String name, CustomerType type, String regionCode, @Nullable String email,
            Ownership ownership, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.code = code;
        this.name = name;
        this.type = type;
        this.regionCode = regionCode;
        this.email = email;
        this.ownership = ownership;
        this.createdAt = now;
        this.updatedAt = now;
    }

    static Customer register(String code, String name, CustomerType type, String regionCode, @Nullable String email,
            Ownership ownership, Instant now) {
        Customer customer = new Customer(code, name, type, regionCode, email, ownership, now);
        customer.registerEvent(new CustomerRegistered(customer.id, code, name, type.name(), regionCode, now,
                ownership.ownerId(), ownership.orgPath()));
        return customer;
    }

    void rename(String newName, Instant now) {
        this.name = newName;
        this.updatedAt = now;
    }

    void changeContact(@Nullable String newEmail, Instant now) {
        this.email = newEmail;
        this.updatedAt = now;
    }

    /**
     * Hands the customer to a new owner (and the org unit they work in), or to the open pool of an org unit (owner
     * {@link #OPEN_POOL}); raises {@link CustomerReassigned}.
     */
    public void reassign(Ownership newOwnership, String reason, String reassignedBy, Instant now) {
        Ownership from = this.ownership;
        this.ownership = newOwnership;
        this.updatedAt = now;
        registerEvent(new CustomerReassigned(id, from.ownerId(), from.orgPath(), newOwnership.ownerId(),
                newOwnership.orgPath(), OPEN_POOL.equals(newOwnership.ownerId()), reason, reassignedBy, now));
    }

    /** True while the customer waits in the open pool of its org unit. */
    public boolean inOpenPool() {
        return OPEN_POOL.equals(ownership.ownerId());
    }

    public String id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public CustomerType type() {
        return type;
    }

    public String regionCode() {
        return regionCode;
    }

    public @Nullable String email() {
        return email;
    }

    public CustomerLevel level() {
        return level;
    }

    public CustomerStatus status() {
        return status;
    }

    /** When the last visit, call, e-mail, meeting or note was logged; null when none was. */
    public @Nullable Instant lastActivityAt() {
        return lastActivityAt;
    }

    /** When the customer's last order was approved; null when it has none. */
    public @Nullable Instant lastOrderAt() {
        return lastOrderAt;
    }

    public Ownership ownership() {
        return ownership;
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
}
